package dev.tally.read;

import java.nio.file.Path;

/** One input: a file (shown as the user named it) or standard input ({@code path == null}, shown as "-"). */
public record InputFile(String display, Path path) {
    public boolean stdin() { return path == null; }
}
