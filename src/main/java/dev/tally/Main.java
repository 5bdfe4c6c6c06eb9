package dev.tally;
public class Main { public static void main(String[] a) { } }
