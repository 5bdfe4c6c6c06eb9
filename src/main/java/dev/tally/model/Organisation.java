package dev.tally.model;

/**
 * The body that issues a review document, from tally.yaml's {@code organisation:} section: its name
 * ("Ban Dân vận Tỉnh ủy Bắc Giang"), the body above it ("Tỉnh ủy Bắc Giang"), the abbreviation in its
 * document numbers ("BDVTU": "Số: …/BC-BDVTU") and the place written before the date ("Bắc Giang").
 * Any of them may be null: the report leaves that line out rather than invent one.
 */
public record Organisation(String name, String parent, String abbreviation, String place) {
    public static final Organisation NONE = new Organisation(null, null, null, null);
}
