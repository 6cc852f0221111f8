// Package pipelines is the JetStream plumbing of newsintel: the embedded
// NATS server, the streams, key-value buckets and object store, publishing
// raw fetches and documents, and the stage runner that moves messages from
// one stream to the next with explicit acks, retries and dead letters.
//
// Only this package imports the NATS client. A stage is a plain function
// (Transform, Sink) that touches no NATS; the runner owns consumers,
// concurrency, acks, retries and the DEAD stream. Every stage is
// at-least-once: a message is acked only after its output is durable, so a
// crash redelivers it, and downstream stages are idempotent by document ID.
//
// The pieces, in the order a deployment uses them: StartServer runs an
// embedded NATS server with JetStream (or point Connect at a cluster);
// Connect returns a Bus; Bus.EnsureTopology creates the streams RAW, DOCS
// and DEAD, the key-value buckets and the "bodies" object store; ingest
// calls Bus.PublishRaw; extract workers call Bus.RunTransform; each index
// replica calls Bus.RunSink under its own consumer name; Bus.ResetConsumer
// makes a replica rebuild from the start of DOCS; Bus.Pending reports lag.
package pipelines
