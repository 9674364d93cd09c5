"""Prompt templates, versioned text files loaded by name; installed as `summarize.prompts`."""
