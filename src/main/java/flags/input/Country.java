package flags.input;

/** One row of the shipped country list: ISO code, English name and top-level domain. */
public record Country(String code, String name, String tld) {}
