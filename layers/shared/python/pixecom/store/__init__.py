"""The PixEcom store's orders beside Meta's numbers: store API keys, order ingestion, and the
sellpage level of the Ads Manager (docs/store.md)."""
