"""Framing: persuasion techniques (SemEval-2020 Task 11) and the loaded-term lexicon.

Importing this package loads nothing heavy; torch and the MiniLM encoder load on first prediction.
"""
