/// ocop's version: the welcome line, `ocop --version` and the manual page show it.
public enum OCOPVersion {
    public static let number = "0.1.0"
}
