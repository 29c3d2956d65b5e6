"""Pages of the registry, split by sub-domain."""
