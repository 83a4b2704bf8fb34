package io.transferas2.camel;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundle imports Camel {@code [4.14,5)} because camel-karaf serves the 4.14 LTS only, while the component is
 * built against a newer Camel. This reads the constant pool of every compiled class and checks that each Camel
 * class, method and field it references exists in the Camel 4.14.1 jars (copied to target/camel-4.14 by the build),
 * looked up the way the JVM links: through superclasses and interfaces. A call to an API newer than 4.14 fails here
 * instead of as a {@code NoSuchMethodError} in Karaf.
 * <p>
 * The only references allowed to be missing are listed in {@link #GUARDED}: each is called only after a check that
 * the running Camel has it.
 */
class Camel414ApiTest {
    /** owner.name(descriptor) references that are reached only on a Camel that has them. */
    private static final Set<String> GUARDED = Set.of(
            // TransferAs2Component.registerSecretOptions: SENSITIVE_KEYWORDS_SUPPORTED
            "org/apache/camel/ExtendedCamelContext.getAdditionalSensitiveKeywords()Ljava/lang/String;",
            "org/apache/camel/ExtendedCamelContext.setAdditionalSensitiveKeywords(Ljava/lang/String;)V");

    @Test
    void componentUsesOnlyCamel414Api() throws IOException {
        Map<String, ClassInfo> camel414 = new HashMap<>();
        Path jars = Path.of("target", "camel-4.14");
        try (Stream<Path> files = Files.list(jars)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : file.stream().toList()) {
                        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                            try (InputStream in = file.getInputStream(entry)) {
                                ClassInfo info = ClassInfo.read(in);
                                camel414.put(info.name, info);
                            }
                        }
                    }
                }
            }
        }
        assertThat(camel414).as("Camel 4.14 jars in " + jars).containsKey("org/apache/camel/CamelContext");

        Set<String> missing = new TreeSet<>();
        int checked = 0;
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassInfo info;
                try (InputStream in = Files.newInputStream(file)) {
                    info = ClassInfo.read(in);
                }
                for (String type : info.referencedClasses) {
                    if (isCamel(type) && !camel414.containsKey(type)) {
                        missing.add(info.name + " -> class " + type);
                    }
                }
                for (MemberRef ref : info.referencedMembers) {
                    if (!isCamel(ref.owner)) {
                        continue;
                    }
                    checked++;
                    String key = ref.owner + "." + ref.name + ref.descriptor;
                    if (!GUARDED.contains(key) && !resolves(camel414, ref.owner, ref, new HashSet<>())) {
                        missing.add(info.name + " -> " + key);
                    }
                }
            }
        }
        assertThat(checked).as("Camel member references checked").isGreaterThan(100);
        assertThat(missing).as("Camel API used by the component but absent from Camel 4.14.1").isEmpty();
    }

    /**
     * Camel's API, less the Spring Boot platform-http engine: that comes with camel-spring-boot (an optional import
     * of the bundle, used only under Spring Boot), not with Camel's core jars.
     */
    private static boolean isCamel(String type) {
        return type.startsWith("org/apache/camel/")
                && !type.startsWith("org/apache/camel/component/platform/http/springboot/");
    }

    /** JVM-style lookup: the class, its superclasses, its interfaces; a type outside Camel 4.14 ends the search. */
    private static boolean resolves(Map<String, ClassInfo> classes, String owner, MemberRef ref, Set<String> seen) {
        if (owner == null || !seen.add(owner)) {
            return false;
        }
        ClassInfo info = classes.get(owner);
        if (info == null) {
            // a JDK or third-party supertype (Object, AutoCloseable, ...): only Camel's own members are checked
            return !isCamel(owner) && inJdk(owner, ref);
        }
        if ((ref.field ? info.fields : info.methods).contains(ref.name + ref.descriptor)) {
            return true;
        }
        if (resolves(classes, info.superName, ref, seen)) {
            return true;
        }
        for (String type : info.interfaces) {
            if (resolves(classes, type, ref, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inJdk(String owner, MemberRef ref) {
        try {
            Class<?> type = Class.forName(owner.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (ref.field ? Stream.of(c.getDeclaredFields()).anyMatch(f -> f.getName().equals(ref.name))
                        : Stream.of(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals(ref.name))) {
                    return true;
                }
            }
            return Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(ref.name))
                    || Stream.of(Object.class.getMethods()).anyMatch(m -> m.getName().equals(ref.name));
        } catch (ClassNotFoundException e) {
            // a third-party type: the component's own dependency, not Camel's API
            return true;
        }
    }

    private record MemberRef(String owner, String name, String descriptor, boolean field) {
    }

    /** What the check needs from a class file: its name, supertypes, members and constant-pool references. */
    private static final class ClassInfo {
        String name;
        String superName;
        final List<String> interfaces = new ArrayList<>();
        final Set<String> methods = new HashSet<>();
        final Set<String> fields = new HashSet<>();
        final Set<String> referencedClasses = new HashSet<>();
        final List<MemberRef> referencedMembers = new ArrayList<>();

        static ClassInfo read(InputStream stream) throws IOException {
            DataInputStream in = new DataInputStream(stream);
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            int[] tags = new int[count];
            String[] utf8 = new String[count];
            int[] first = new int[count];
            int[] second = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        first[i] = in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            ClassInfo info = new ClassInfo();
            for (int i = 1; i < count; i++) {
                if (tags[i] == 7) {
                    String type = utf8[first[i]];
                    // arrays of a class: [Lorg/apache/...;
                    int l = type.indexOf('L');
                    info.referencedClasses.add(type.startsWith("[") && l >= 0 ? type.substring(l + 1, type.length() - 1)
                            : type);
                } else if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
                    String owner = utf8[first[first[i]]];
                    int nameAndType = second[i];
                    info.referencedMembers.add(new MemberRef(owner, utf8[first[nameAndType]],
                            utf8[second[nameAndType]], tags[i] == 9));
                }
            }
            in.readUnsignedShort(); // access flags
            info.name = utf8[first[in.readUnsignedShort()]];
            int superIndex = in.readUnsignedShort();
            info.superName = superIndex == 0 ? null : utf8[first[superIndex]];
            int interfaces = in.readUnsignedShort();
            for (int i = 0; i < interfaces; i++) {
                info.interfaces.add(utf8[first[in.readUnsignedShort()]]);
            }
            readMembers(in, utf8, info.fields);
            readMembers(in, utf8, info.methods);
            return info;
        }

        private static void readMembers(DataInputStream in, String[] utf8, Set<String> into) throws IOException {
            int members = in.readUnsignedShort();
            for (int i = 0; i < members; i++) {
                in.readUnsignedShort(); // access flags
                String name = utf8[in.readUnsignedShort()];
                String descriptor = utf8[in.readUnsignedShort()];
                into.add(name + descriptor);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    in.readUnsignedShort();
                    in.skipNBytes(in.readInt() & 0xffffffffL);
                }
            }
        }
    }
}
