// The motcua command-line tool (issue 7) replaces this entry point.
print("motcua: not built yet")
