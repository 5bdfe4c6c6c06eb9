package dev.tally.read;

import java.nio.file.Path;

/** One input: a file (shown as the user named it) or standard input ({@code path == null}, shown as "-"). */
public record InputFile(String display, Path path) {
    public boolean stdin() { return path == null; }

    /** What findings name a part of this input as: a workbook's sheet is {@code report.xlsx[Biểu 01]}. */
    public String part(String name) { return display + "[" + name + "]"; }

    /**
     * The input a finding's file names: itself, or without the part it names ({@link #part}; a sheet's name
     * holds no square bracket in Excel or LibreOffice). For a name the inputs do not have as it stands.
     */
    public static String fileOf(String file) {
        if (file == null || !file.endsWith("]")) return file;
        int b = file.lastIndexOf('[');
        return b > 0 ? file.substring(0, b) : file;
    }
}
