"""Shared text helpers for rules: words, quotes, similarity, names. They know the document,
never the engine."""
