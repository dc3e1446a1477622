package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ToolsTest {
    @Test
    void aMissingBinaryFailsWithTheCommandThatInstallsIt() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> Tools.require("cassmon-no-such-tool"));
        assertEquals("cassmon-no-such-tool is not on PATH; the stack tests run the real binary. Install it with: "
                + "apt-get install -y --no-install-recommends prometheus prometheus-alertmanager", error.getMessage());
    }
}
