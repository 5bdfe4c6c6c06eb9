package dev.tally.write;

import static dev.tally.write.Svg.esc;

/**
 * A {@link Doc.Chart} as a DrawingML chart part (word/charts/chartN.xml): a clustered horizontal bar
 * chart with literal data, bars in the greys of {@link Svg} with a black outline, and each bar's
 * label the series' own text (the counts, "9/10"), as a data label of its own. The category axis runs
 * top-down (reversed, the value axis crossing at its far end), so the first category and the first
 * series are the top bars, as in the HTML.
 */
final class DocxChart {
    private DocxChart() {}

    /** The embedded workbook's one sheet, which the chart's references name. */
    static final String SHEET = "Sheet1";

    /** The chart part's relationships: its embedded workbook, {@code word/embeddings/chartN.xlsx}. */
    static String rels(int n) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" "
                + "Target=\"../embeddings/chart" + n + ".xlsx\"/></Relationships>";
    }

    /**
     * The chart's data as a workbook, written by the project's own {@link Xlsx} writer: the categories
     * in column A, a series per column after it, its name in row 1; a missing value is an empty cell,
     * as the chart has no bar for it. The chart's cached values are these, so Word draws the chart
     * without opening it, and "Edit Data" opens the same figures.
     */
    static byte[] workbook(Doc.Chart c) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            Xlsx x = new Xlsx(bytes);
            x.caption(SHEET, null);
            java.util.List<Column> cols = new java.util.ArrayList<>();
            cols.add(Column.text(c.title()));
            for (Doc.Series s : c.series()) cols.add(Column.number(s.name()));
            x.start(cols, java.util.Map.of());
            for (int i = 0; i < c.categories().size(); i++) {
                java.util.List<Object> row = new java.util.ArrayList<>();
                row.add(c.categories().get(i));
                for (Doc.Series s : c.series()) row.add(s.values().get(i));
                x.row(row);
            }
            x.finish();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // into memory
        }
        return bytes.toByteArray();
    }

    static String xml(Doc.Chart c) {
        int n = c.categories().size();
        StringBuilder b = new StringBuilder(2048 + n * c.series().size() * 300);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" ")
                .append("xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" ")
                .append("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
                .append("<c:roundedCorners val=\"0\"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"1\"/></a:pPr>")
                .append("<a:r><a:rPr lang=\"vi-VN\" sz=\"1200\" b=\"1\"/><a:t>").append(esc(c.title())).append("</a:t></a:r></a:p></c:rich></c:tx>")
                .append("<c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>")
                .append("<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>");
        for (int k = 0; k < c.series().size(); k++) {
            Doc.Series s = c.series().get(k);
            b.append("<c:ser><c:idx val=\"").append(k).append("\"/><c:order val=\"").append(k).append("\"/>")
                    .append("<c:tx><c:strRef><c:f>").append(SHEET).append("!$").append(Xlsx.reference(k + 1, 1).replaceAll("[0-9]", "")).append("$1</c:f>")
                    .append("<c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>").append(esc(s.name())).append("</c:v></c:pt></c:strCache></c:strRef></c:tx>")
                    .append("<c:spPr><a:solidFill><a:srgbClr val=\"").append(Svg.FILLS[k % Svg.FILLS.length].substring(1))
                    .append("\"/></a:solidFill><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill></a:ln></c:spPr>")
                    .append("<c:invertIfNegative val=\"0\"/><c:dLbls>");
            for (int i = 0; i < n; i++) {
                int at = i;
                b.append("<c:dLbl><c:idx val=\"").append(i).append("\"/><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:rPr lang=\"vi-VN\"/><a:t>")
                        .append(esc(s.labels().get(at))).append("</a:t></a:r></a:p></c:rich></c:tx><c:dLblPos val=\"outEnd\"/>")
                        .append("<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>")
                        .append("<c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbl>");
            }
            b.append("<c:dLblPos val=\"outEnd\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>")
                    .append("<c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>");
            b.append("<c:cat><c:strRef><c:f>").append(SHEET).append("!$A$2:$A$").append(n + 1).append("</c:f><c:strCache><c:ptCount val=\"")
                    .append(n).append("\"/>");
            for (int i = 0; i < n; i++) {
                b.append("<c:pt idx=\"").append(i).append("\"><c:v>").append(esc(c.categories().get(i))).append("</c:v></c:pt>");
            }
            String col = Xlsx.reference(k + 1, 1).replaceAll("[0-9]", "");
            b.append("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>").append(SHEET).append("!$").append(col).append("$2:$").append(col)
                    .append('$').append(n + 1).append("</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"").append(n).append("\"/>");
            for (int i = 0; i < n; i++) {
                Double v = s.values().get(i);
                if (v != null) b.append("<c:pt idx=\"").append(i).append("\"><c:v>").append(v).append("</c:v></c:pt>");
            }
            b.append("</c:numCache></c:numRef></c:val></c:ser>");
        }
        b.append("<c:gapWidth val=\"60\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>")
                .append("<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"0\"/>")
                .append("<c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/>")
                .append("<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/>")
                .append("<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>")
                .append("<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/>");
        if (c.max() != null) b.append("<c:max val=\"").append(c.max()).append("\"/>");
        b.append("<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/>")
                .append("<c:majorGridlines><c:spPr><a:ln w=\"3175\"><a:solidFill><a:srgbClr val=\"D0D0D0\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>")
                .append("<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>")
                .append("<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1001\"/><c:crosses val=\"max\"/><c:crossBetween val=\"between\"/></c:valAx>")
                .append("</c:plotArea>");
        if (c.series().size() > 1) b.append("<c:legend><c:legendPos val=\"t\"/><c:overlay val=\"0\"/></c:legend>");
        b.append("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>")
                .append("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1000\"><a:latin typeface=\"Times New Roman\"/>")
                .append("<a:cs typeface=\"Times New Roman\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"vi-VN\"/></a:p></c:txPr>")
                // the workbook behind the chart (RELS), which Word's "Edit Data" opens
                .append("<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>");
        return b.toString();
    }
}
