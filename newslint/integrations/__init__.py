"""newslint inside the frameworks that build corpora: datatrove, Hugging Face ``datasets``, Ray.

Each integration is an optional extra and imports its framework only when its module is
imported; ``import newslint`` imports none of them. They share one record shape for findings
(``findings``), one way to turn records into articles and lint or fix them (``records``), and the
two-stage form for corpus-scope rules (``corpus``): stage 1 keeps each document's compact
signatures next to it, stage 2 finishes them once over the whole corpus, however it was split.
These lean on the library API (runner, fixes, jsonl); nothing in the library imports them.
"""
