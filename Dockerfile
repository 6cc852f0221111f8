# Build the one newsintel binary; the same image runs every stage.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/newsintel ./cmd/newsintel

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsintel /usr/local/bin/newsintel
ENTRYPOINT ["/usr/local/bin/newsintel"]
