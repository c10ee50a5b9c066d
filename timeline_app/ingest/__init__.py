"""Reading article files and importing them into the store (no Qt)."""
