package main

import (
	"bufio"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newsintel/newsintel/api"
	"github.com/spf13/cobra"
)

func keysCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Make API keys and the hashes that api.keys holds",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "hash",
		Short: "Read an API key on stdin and print its SHA-256 for api.keys[].hash",
		Example: `  printf %s "$KEY" | newsintel keys hash
  newsintel keys new   # makes a key and prints it with its hash`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			secret, err := readKey(cmd.InOrStdin())
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), api.HashKey(secret))
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "new",
		Short: "Make a random API key; print it once, with the hash to put in api.keys",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var b [32]byte
			_, _ = rand.Read(b[:]) // crypto/rand.Read does not fail
			secret := "ni_" + base64.RawURLEncoding.EncodeToString(b[:])
			fmt.Fprintf(cmd.OutOrStdout(), "key:  %s\nhash: %s\n", secret, api.HashKey(secret))
			return nil
		},
	})
	return cmd
}

// readKey reads the first line of r, without its line ending.
func readKey(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("keys hash: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if strings.TrimSpace(line) == "" {
		return "", errors.New("keys hash: no key on stdin; pipe one in, e.g. printf %s \"$KEY\" | newsintel keys hash")
	}
	return line, nil
}
