package dev.tally.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version from the build (Maven filters version.properties). */
final class VersionProvider implements CommandLine.IVersionProvider {
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/tally/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tally " + version()};
    }
}
