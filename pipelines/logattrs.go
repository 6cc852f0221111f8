package pipelines

// Log attribute keys used by this package, snake_case, in one place.
const (
	attrComponent  = "component"
	attrStage      = "stage"
	attrURL        = "url"
	attrStoreDir   = "store_dir"
	attrSubject    = "subject"
	attrStreamSeq  = "stream_seq"
	attrDeliveries = "deliveries"
	attrError      = "error"
	attrDocID      = "doc_id"
	attrBatch      = "batch"
	attrStream     = "stream"
	attrConsumer   = "consumer"
)
