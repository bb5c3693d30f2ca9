"""What only the editor uses while a person types: the crash journal, the emergency file, the one-editor-per-story lock."""
