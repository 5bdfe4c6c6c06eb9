package dev.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher runs rollups under C1 alone, which inlines a callee of at most 35 bytes of bytecode
 * (C1MaxInlineSize) and leaves anything larger a call. The methods below are called for every cell or
 * field of a run, millions of times (-XX:+PrintInlining showed each a call when it was a few bytes
 * over); a line added to one of them would quietly make it a call again, so their sizes are held here.
 */
class InliningSizeTest {
    private static final int C1_MAX_INLINE_SIZE = 35;

    @Test
    void theHelpersCalledForEveryCellStayInlinableByC1() throws IOException {
        inlinable("dev/tally/model/CellTable", "slab", "(I)Ldev/tally/model/CellTable$Slab;");
        inlinable("dev/tally/model/CellTable", "cell", "(II)I");
        inlinable("dev/tally/model/CellTable", "findCell", "(II)I");
        inlinable("dev/tally/model/ExactColumn", "putNum", "(IJI)V");
        inlinable("dev/tally/model/ExactColumn", "set", "(ILdev/tally/model/Num;)V");
        inlinable("dev/tally/read/Field", "sameBytes", "([BI)Z");
        inlinable("dev/tally/rollup/OwnValues", "whole", "(I)Z");
    }

    private static void inlinable(String className, String method, String descriptor) throws IOException {
        assertThat(codeSize(className, method, descriptor))
                .as("%s.%s: bytes of bytecode, of which C1 inlines %d at most", className, method, C1_MAX_INLINE_SIZE)
                .isLessThanOrEqualTo(C1_MAX_INLINE_SIZE);
    }

    @Test
    void theSizeIsTheBytecodesLength() throws IOException {
        // a method known to be large, so that a reader returning 0 for everything cannot pass the test above
        assertThat(codeSize("dev/tally/read/CsvTokenizer", "scan", "()I")).isGreaterThan(500);
        assertThat(codeSize("dev/tally/read/Field", "length", "()I")).isEqualTo(10); // aload_0, getfield (3), aload_0, getfield (3), isub, ireturn
    }

    /** The length of a method's bytecode, read from its class file (the Code attribute's code_length). */
    static int codeSize(String className, String method, String descriptor) throws IOException {
        try (InputStream in = InliningSizeTest.class.getResourceAsStream("/" + className + ".class")) {
            assertThat(in).as(className).isNotNull();
            DataInputStream d = new DataInputStream(in);
            d.readInt(); // magic
            d.readUnsignedShort();
            d.readUnsignedShort();
            int count = d.readUnsignedShort();
            Map<Integer, String> utf8 = new HashMap<>();
            for (int i = 1; i < count; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.put(i, d.readUTF());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> d.skipBytes(4);
                    case 5, 6 -> {
                        d.skipBytes(8);
                        i++; // a long or double takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> d.skipBytes(2);
                    case 15 -> d.skipBytes(3);
                    default -> throw new IOException("constant pool tag " + tag + " in " + className);
                }
            }
            d.skipBytes(6); // access, this, super
            d.skipBytes(2 * d.readUnsignedShort()); // interfaces
            int fields = d.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                d.skipBytes(6);
                skipAttributes(d);
            }
            int methods = d.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                d.skipBytes(2);
                String name = utf8.get(d.readUnsignedShort());
                String desc = utf8.get(d.readUnsignedShort());
                int attributes = d.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attr = utf8.get(d.readUnsignedShort());
                    int length = d.readInt();
                    if (attr.equals("Code") && name.equals(method) && desc.equals(descriptor)) {
                        d.skipBytes(4); // max_stack, max_locals
                        return d.readInt();
                    }
                    d.skipBytes(length);
                }
            }
            throw new AssertionError(className + "." + method + descriptor + " not found");
        }
    }

    private static void skipAttributes(DataInputStream d) throws IOException {
        int n = d.readUnsignedShort();
        for (int a = 0; a < n; a++) {
            d.skipBytes(2);
            d.skipBytes(d.readInt());
        }
    }
}
