package io.cassmon.agent.node;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reflective access to a running Cassandra through its own class loader. The agent is compiled against no Cassandra
 * jar, so one jar serves every version; the few differences between versions are handled where they are read
 * ({@link Endpoints}, {@link CassandraDirectories}). Only {@link CassandraReadiness} creates one, once Cassandra has
 * initialised every class read here.
 */
final class Cassandra {
    private final ClassLoader loader;
    private final Object storageService;
    private final ConcurrentMap<String, Method> methods = new ConcurrentHashMap<>();

    Cassandra(ClassLoader loader, Object storageService) {
        this.loader = loader;
        this.storageService = storageService;
    }

    /** {@code StorageService.instance}. */
    Object storageService() {
        return storageService;
    }

    Class<?> type(String className) throws ClassNotFoundException {
        return Class.forName(className, false, loader);
    }

    Object staticField(String className, String field) throws ReflectiveOperationException {
        return type(className).getField(field).get(null);
    }

    Object field(Object target, String field) throws ReflectiveOperationException {
        return target.getClass().getField(field).get(target);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object enumConstant(String className, String name) throws ClassNotFoundException {
        return Enum.valueOf((Class<? extends Enum>) type(className), name);
    }

    Object callStatic(String className, String method, Object... args) throws ReflectiveOperationException {
        return invoke(type(className), null, method, args);
    }

    Object call(Object target, String method, Object... args) throws ReflectiveOperationException {
        return invoke(target.getClass(), target, method, args);
    }

    private Object invoke(Class<?> type, Object target, String name, Object[] args) throws ReflectiveOperationException {
        StringBuilder key = new StringBuilder(type.getName()).append('#').append(name);
        for (Object arg : args) {
            key.append(',').append(arg.getClass().getName());
        }
        Method method = methods.get(key.toString());
        if (method == null) {
            method = find(type, name, args);
            methods.put(key.toString(), method);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /**
     * The public method {@code name} that takes {@code args}, preferring exact parameter types: Cassandra overloads
     * on endpoint types (e.g. 5.0's {@code getDatacenter(InetAddressAndPort)} and {@code getDatacenter(InetSocketAddress)}).
     */
    private static Method find(Class<?> type, String name, Object[] args) throws NoSuchMethodException {
        Method assignable = null;
        for (Method candidate : type.getMethods()) {
            if (!candidate.getName().equals(name) || candidate.getParameterCount() != args.length) {
                continue;
            }
            Class<?>[] parameters = candidate.getParameterTypes();
            boolean exact = true;
            boolean fits = true;
            for (int i = 0; i < args.length; i++) {
                fits &= parameters[i].isInstance(args[i]);
                exact &= parameters[i] == args[i].getClass();
            }
            if (exact) {
                return accessible(candidate);
            }
            if (fits && assignable == null) {
                assignable = candidate;
            }
        }
        if (assignable == null) {
            throw new NoSuchMethodException(type.getName() + "." + name + " taking " + args.length + " argument(s)");
        }
        return accessible(assignable);
    }

    /** A public method of a non-public class (a snitch implementation, say) is only callable once made accessible. */
    private static Method accessible(Method method) {
        if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            method.setAccessible(true);
        }
        return method;
    }
}
