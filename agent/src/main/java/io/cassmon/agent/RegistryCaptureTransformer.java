package io.cassmon.agent;

import io.cassmon.exporter.log.Log;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Makes {@code MetricRegistry.register(String, Metric)} begin with {@code RegistryCapture.seen(this)}, so the
 * agent learns of every registry (Cassandra's singleton included) without touching a Cassandra class.
 *
 * <p>A plain JDK transformer with Byte Buddy's bundled ASM rather than Byte Buddy's AgentBuilder: it must be
 * in place before the application's first registration, i.e. in premain, where AgentBuilder cost ~0.6 s of
 * startup on this project's 2-core machines and this costs nothing until the class loads.
 */
final class RegistryCaptureTransformer implements ClassFileTransformer {
    static final String TARGET = "com/codahale/metrics/MetricRegistry";
    private static final String REGISTER_DESCRIPTOR =
            "(Ljava/lang/String;Lcom/codahale/metrics/Metric;)Lcom/codahale/metrics/Metric;";
    private static final String CAPTURE = RegistryCapture.class.getName().replace('.', '/');

    /** Registers the transformer, retransforming MetricRegistry if another agent already loaded it. */
    static void install(Instrumentation instrumentation) {
        RegistryCaptureTransformer transformer = new RegistryCaptureTransformer();
        instrumentation.addTransformer(transformer, true);
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (TARGET.replace('/', '.').equals(loaded.getName())) {
                try {
                    instrumentation.retransformClasses(loaded);
                } catch (UnmodifiableClassException | RuntimeException e) {
                    Log.error("cassmon: cannot instrument the already loaded " + loaded.getName() + ": " + e);
                }
            }
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        if (!TARGET.equals(className)) {
            return null;
        }
        try {
            if (!seesAgent(loader)) {
                Log.warn("cassmon: metrics-core in class loader " + loader + " cannot see the agent;"
                        + " its registries are not exported");
                return null;
            }
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            reader.accept(new RegisterVisitor(writer), 0);
            return writer.toByteArray();
        } catch (Throwable t) {
            Log.error("cassmon: cannot instrument " + className + ", its registries are not exported", t);
            return null;
        }
    }

    /** The injected call must resolve to this agent's class, or it could throw in the host's thread. */
    private static boolean seesAgent(ClassLoader loader) {
        try {
            return loader != null && Class.forName(RegistryCapture.class.getName(), false, loader) == RegistryCapture.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static final class RegisterVisitor extends ClassVisitor {
        RegisterVisitor(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
            boolean register = "register".equals(name) && REGISTER_DESCRIPTOR.equals(descriptor)
                    && (access & Opcodes.ACC_STATIC) == 0;
            return register ? new CaptureThis(method) : method;
        }
    }

    private static final class CaptureThis extends MethodVisitor {
        CaptureThis(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CAPTURE, "seen", "(Ljava/lang/Object;)V", false);
        }
    }
}
