"""Writing events out: CSV (formula-safe), JSON, TimelineJS, TimeML."""
