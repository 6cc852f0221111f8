package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// blockedPrefixes are the ranges that the SSRF guard refuses besides the
// ones netip classifies (loopback, private, link-local, multicast,
// unspecified).
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("fc00::/7"),        // unique local (fd00::/8 among them)
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fec0::/10"),       // deprecated site-local
}

// Blocked reports whether a connection to addr would reach a network that
// must not be fetched from: loopback, private, link-local (cloud metadata at
// 169.254.169.254 among them), multicast, unspecified, carrier-grade NAT,
// reserved and documentation ranges. IPv4 addresses embedded in IPv6
// (::ffff:a.b.c.d, 64:ff9b::/96 NAT64, 2002::/16 6to4) are judged by the
// IPv4 address they carry.
func Blocked(addr netip.Addr) bool {
	addr = addr.Unmap()
	if v4, ok := embeddedIPv4(addr); ok {
		addr = v4
	}
	if addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() ||
		addr.IsInterfaceLocalMulticast() || addr.IsMulticast() || addr.IsUnspecified() || !addr.IsValid() {
		return true
	}
	for _, p := range blockedPrefixes {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

func embeddedIPv4(a netip.Addr) (netip.Addr, bool) {
	if !a.Is6() {
		return a, false
	}
	b := a.As16()
	switch {
	case nat64.Contains(a):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case sixTo4.Contains(a):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	}
	return a, false
}

// guardControl is a net.Dialer Control function: it runs after name
// resolution, on the address actually dialled, so DNS rebinding and
// redirects to private addresses are refused as well.
func guardControl(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %q", ErrBlocked, address)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %q is not an IP address", ErrBlocked, host)
	}
	if Blocked(ip) {
		return fmt.Errorf("%w: %s is a private, loopback, link-local or reserved address (set fetch.allow_private_networks to allow)", ErrBlocked, ip)
	}
	return nil
}
