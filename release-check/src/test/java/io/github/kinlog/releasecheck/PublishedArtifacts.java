package io.github.kinlog.releasecheck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What Maven Central requires of Kinlog's published artifacts, and what users rely on, checked on a set of files laid
 * out as in a Maven repository: the Central bundle, or this build's artifacts.
 *
 * <p>JDK classes only, so {@code release/dry-run.sh} runs it straight from this source file:
 * {@code java PublishedArtifacts.java central-bundle.zip VERSION [--signed]}.
 */
public final class PublishedArtifacts {
    static final String GROUP = "io.github.kinlog";
    static final String BOM = "kinlog-bom";

    /** The published jars, with the module name and main class their manifests must carry. */
    static final Map<String, List<String>> JARS = Map.of(
            "kinlog-common", List.of("io.github.kinlog.common"),
            "kinlog-redshift", List.of("io.github.kinlog.redshift", "io.github.kinlog.redshift.RedshiftCli"),
            "kinlog-log4j2", List.of("io.github.kinlog.log4j2"),
            "kinlog-logback", List.of("io.github.kinlog.logback"));

    /**
     * Every dependency a published POM may declare, as groupId:artifactId:scope[:optional]. A new one is a decision
     * (it lands in users' applications, and the README's dependency section explains each), so it fails here first.
     */
    static final Map<String, List<String>> DEPENDENCIES = Map.of(
            "kinlog-redshift",
            List.of(),
            "kinlog-common",
            List.of(
                    "software.amazon.awssdk:kinesis:compile",
                    "software.amazon.awssdk:url-connection-client:compile",
                    "software.amazon.awssdk:sts:compile:optional"),
            "kinlog-log4j2",
            List.of(
                    "io.github.kinlog:kinlog-common:compile",
                    "org.apache.logging.log4j:log4j-core:provided",
                    "org.apache.logging.log4j:log4j-api:provided"),
            "kinlog-logback",
            List.of(
                    "io.github.kinlog:kinlog-common:compile",
                    "ch.qos.logback:logback-classic:provided",
                    "org.slf4j:slf4j-api:provided"));

    /** The SDK's HTTP clients other than url-connection: each is the user's choice, never pulled in by Kinlog. */
    static final List<String> EXCLUDED_HTTP_CLIENTS = List.of("apache-client", "apache5-client", "netty-nio-client");

    private static final List<String> CHECKSUMS = List.of(".md5", ".sha1");
    private static final Map<String, String> DIGESTS =
            Map.of(".md5", "MD5", ".sha1", "SHA-1", ".sha256", "SHA-256", ".sha512", "SHA-512");

    private final Map<String, byte[]> files;
    private final String version;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param files file contents by path, as in a Maven repository ({@code io/github/kinlog/kinlog-bom/1.0/...})
     * @param version the version every artifact must have
     */
    PublishedArtifacts(Map<String, byte[]> files, String version) {
        this.files = new TreeMap<>(files);
        this.version = version;
    }

    /** The path of one artifact file in a repository. */
    static String path(String artifactId, String version, String suffix) {
        return GROUP.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + suffix;
    }

    /** Every file each published artifact needs: POM, jar, sources and Javadoc (the BOM: its POM). */
    List<String> expectedFiles() {
        List<String> expected = new ArrayList<>();
        expected.add(path(BOM, version, ".pom"));
        for (String jar : new TreeSet<>(JARS.keySet())) {
            for (String suffix : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar")) {
                expected.add(path(jar, version, suffix));
            }
        }
        return expected;
    }

    /** Checks what the files hold: POMs, manifests, sources and Javadoc. Returns the problems found. */
    List<String> checkContents() {
        for (String file : expectedFiles()) {
            if (!files.containsKey(file)) {
                problems.add("missing: " + file);
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        checkBom();
        for (String artifactId : new TreeSet<>(JARS.keySet())) {
            checkJarPom(artifactId);
            checkJar(artifactId);
            checkSources(artifactId);
            checkJavadoc(artifactId);
        }
        return problems;
    }

    /**
     * Checks the Central bundle: its contents, and that it holds nothing else than those files, each with correct
     * checksums and, when signed, a signature.
     */
    List<String> checkBundle(boolean signed) {
        checkContents();
        List<String> expected = expectedFiles();
        for (String file : expected) {
            if (!files.containsKey(file)) {
                continue;
            }
            for (String checksum : CHECKSUMS) {
                if (!files.containsKey(file + checksum)) {
                    problems.add("missing checksum: " + file + checksum);
                }
            }
            boolean hasSignature = files.containsKey(file + ".asc");
            if (signed && !hasSignature) {
                problems.add("missing signature: " + file + ".asc");
            } else if (!signed && hasSignature) {
                problems.add("signature in an unsigned build: " + file + ".asc");
            }
        }
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            String name = entry.getKey();
            String digest =
                    DIGESTS.keySet().stream().filter(name::endsWith).findFirst().orElse(null);
            String base = digest != null ? name.substring(0, name.length() - digest.length()) : name;
            if (base.endsWith(".asc")) {
                base = base.substring(0, base.length() - ".asc".length());
            }
            if (!expected.contains(base)) {
                problems.add("not a published artifact: " + name);
            } else if (digest != null) {
                String actual = hex(DIGESTS.get(digest), files.get(base));
                String recorded = new String(entry.getValue(), StandardCharsets.US_ASCII).trim();
                if (!recorded.startsWith(actual)) {
                    problems.add("wrong checksum: " + name);
                }
            }
        }
        return problems;
    }

    private void checkBom() {
        String file = path(BOM, version, ".pom");
        Element pom = pom(file);
        checkPomBasics(file, pom, "pom");
        Element management = child(pom, "dependencyManagement");
        TreeSet<String> listed = new TreeSet<>();
        for (Element dependency : children(management == null ? null : child(management, "dependencies"))) {
            String id = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            listed.add(id);
            if (!version.equals(text(dependency, "version"))) {
                problems.add(file + ": " + id + " has version " + text(dependency, "version") + ", not " + version);
            }
        }
        TreeSet<String> published = new TreeSet<>();
        JARS.keySet().forEach(jar -> published.add(GROUP + ":" + jar));
        if (!listed.equals(published)) {
            problems.add(file + ": lists " + listed + ", not every published artifact " + published);
        }
    }

    private void checkJarPom(String artifactId) {
        String file = path(artifactId, version, ".pom");
        Element pom = pom(file);
        checkPomBasics(file, pom, "jar");
        if (child(pom, "dependencyManagement") != null || child(pom, "build") != null) {
            problems.add(file + ": has dependencyManagement or build, which users do not need");
        }
        List<String> declared = new ArrayList<>();
        for (Element dependency : children(child(pom, "dependencies"))) {
            String id = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            String scope = text(dependency, "scope") == null ? "compile" : text(dependency, "scope");
            declared.add(id + ":" + scope + ("true".equals(text(dependency, "optional")) ? ":optional" : ""));
            String expectedVersion = id.startsWith(GROUP + ":") ? version : null;
            String actualVersion = text(dependency, "version");
            if (actualVersion == null || (expectedVersion != null && !expectedVersion.equals(actualVersion))) {
                problems.add(file + ": " + id + " has version " + actualVersion);
            }
            if (id.startsWith("software.amazon.awssdk:")
                    && !id.endsWith(":url-connection-client")
                    && !exclusions(dependency).containsAll(EXCLUDED_HTTP_CLIENTS)) {
                problems.add(
                        file + ": " + id + " does not exclude the SDK's other HTTP clients " + EXCLUDED_HTTP_CLIENTS);
            }
        }
        if (!declared.equals(DEPENDENCIES.get(artifactId))) {
            problems.add(file + ": declares " + declared + ", expected " + DEPENDENCIES.get(artifactId));
        }
    }

    /** What Central requires of every POM, and what flattening must have removed. */
    private void checkPomBasics(String file, Element pom, String packaging) {
        String text = new String(files.get(file), StandardCharsets.UTF_8);
        if (text.contains("${")) {
            problems.add(file + ": has an unresolved ${...} expression");
        }
        if (child(pom, "parent") != null) {
            problems.add(file + ": has a parent; published POMs are flattened");
        }
        if (child(pom, "properties") != null) {
            problems.add(file + ": has build properties; published POMs are flattened");
        }
        if (!version.equals(text(pom, "version")) || !GROUP.equals(text(pom, "groupId"))) {
            problems.add(file + ": coordinates " + text(pom, "groupId") + ":" + text(pom, "version"));
        }
        if (!packaging.equals(text(pom, "packaging") == null ? "jar" : text(pom, "packaging"))) {
            problems.add(file + ": packaging " + text(pom, "packaging") + ", not " + packaging);
        }
        for (String required : List.of("name", "description", "url")) {
            if (text(pom, required) == null || text(pom, required).isBlank()) {
                problems.add(file + ": no <" + required + ">");
            }
        }
        Element license = child(child(pom, "licenses"), "license");
        if (license == null || !"Apache-2.0".equals(text(license, "name"))) {
            problems.add(file + ": no Apache-2.0 <license>");
        }
        if (child(child(pom, "developers"), "developer") == null) {
            problems.add(file + ": no <developers>");
        }
        Element scm = child(pom, "scm");
        if (scm == null || text(scm, "connection") == null || text(scm, "url") == null) {
            problems.add(file + ": no <scm> connection and url");
        }
    }

    private void checkJar(String artifactId) {
        String file = path(artifactId, version, ".jar");
        List<String> expected = JARS.get(artifactId);
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(files.get(file)))) {
            Manifest manifest = jar.getManifest();
            String moduleName =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
            if (!expected.get(0).equals(moduleName)) {
                problems.add(file + ": Automatic-Module-Name " + moduleName + ", not " + expected.get(0));
            }
            String mainClass =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            if (expected.size() > 1 && !expected.get(1).equals(mainClass)) {
                problems.add(file + ": Main-Class " + mainClass + ", not " + expected.get(1));
            }
            boolean classes = false;
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                String name = entry.getName();
                classes |= name.startsWith(expected.get(0).replace('.', '/') + "/") && name.endsWith(".class");
                if (name.endsWith(".class") && !name.startsWith("io/github/kinlog/")) {
                    problems.add(file + ": holds a class outside io.github.kinlog: " + name);
                    break;
                }
            }
            if (!classes) {
                problems.add(file + ": no classes in " + expected.get(0));
            }
        } catch (IOException e) {
            problems.add(file + ": unreadable: " + e);
        }
    }

    private void checkSources(String artifactId) {
        String file = path(artifactId, version, "-sources.jar");
        String packagePath = JARS.get(artifactId).get(0).replace('.', '/') + "/";
        List<String> names = entries(file);
        if (names.stream().noneMatch(name -> name.startsWith(packagePath) && name.endsWith(".java"))) {
            problems.add(file + ": no sources in " + packagePath);
        }
        names.stream()
                .filter(name -> name.endsWith(".class") || (name.endsWith(".java") && !name.startsWith(packagePath)))
                .findFirst()
                .ifPresent(name -> problems.add(file + ": holds " + name));
    }

    private void checkJavadoc(String artifactId) {
        String file = path(artifactId, version, "-javadoc.jar");
        List<String> names = entries(file);
        // The Javadoc tool lays pages out by module when the jar names one, as ours do.
        String module = JARS.get(artifactId).get(0);
        String packagePath = module.replace('.', '/') + "/package-summary.html";
        if (!names.contains("index.html")
                || !(names.contains(packagePath) || names.contains(module + "/" + packagePath))) {
            problems.add(file + ": no index.html and " + packagePath);
        }
    }

    private List<String> entries(String file) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(files.get(file)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            problems.add(file + ": unreadable: " + e);
        }
        return names;
    }

    private Element pom(String file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(files.get(file)));
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException(file + ": not a POM: " + e, e);
        }
    }

    private static List<String> exclusions(Element dependency) {
        List<String> excluded = new ArrayList<>();
        for (Element exclusion : children(child(dependency, "exclusions"))) {
            excluded.add(text(exclusion, "artifactId"));
        }
        return excluded;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        if (parent != null) {
            NodeList nodes = parent.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element element) {
                    elements.add(element);
                }
            }
        }
        return elements;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file in a zip, by path; directories left out. */
    static Map<String, byte[]> readZip(Path zipFile) {
        Map<String, byte[]> files = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zipFile);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Checks a Central bundle: {@code PublishedArtifacts central-bundle.zip VERSION [--signed]}. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java PublishedArtifacts.java central-bundle.zip VERSION [--signed]");
            System.exit(2);
        }
        Path bundle = Path.of(args[0]);
        if (!Files.isRegularFile(bundle)) {
            System.err.println("No bundle at " + bundle);
            System.exit(1);
        }
        boolean signed = args.length > 2 && args[2].equals("--signed");
        Map<String, byte[]> files = readZip(bundle);
        System.out.println(bundle + ":");
        files.forEach((name, data) -> System.out.printf("%10d  %s%n", data.length, name));
        List<String> problems = new PublishedArtifacts(files, args[1]).checkBundle(signed);
        if (problems.isEmpty()) {
            System.out.printf(
                    "OK: %d files; every published artifact has its POM, jar, sources, Javadoc, checksums%s.%n",
                    files.size(), signed ? " and signatures" : "");
        } else {
            problems.forEach(problem -> System.out.println("PROBLEM: " + problem));
            System.exit(1);
        }
    }
}
