package flags.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.download.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusCodesTest {
    @Test
    void aCodeNobodyRegisteredIsTheX00OfItsClass() {
        assertEquals(200, StatusCodes.understood(299));
        assertEquals(203, StatusCodes.understood(203));
        assertEquals(400, StatusCodes.understood(499));
        assertEquals(500, StatusCodes.understood(599));
        assertEquals(-1, StatusCodes.understood(600));
        assertEquals(-1, StatusCodes.understood(999));
        assertEquals(208, StatusCodes.understood(208));
        assertEquals(226, StatusCodes.understood(226));
        assertEquals(300, StatusCodes.understood(306));
    }

    @Test
    void whatIsSavedAndWhatIsRetried() {
        assertTrue(StatusCodes.savesBody(200));
        assertTrue(StatusCodes.savesBody(203));
        assertTrue(StatusCodes.savesBody(299));
        assertFalse(StatusCodes.savesBody(201));
        assertFalse(StatusCodes.savesBody(226));
        assertFalse(StatusCodes.savesBody(600));
        assertTrue(StatusCodes.retryable(503));
        assertTrue(StatusCodes.retryable(599));
        assertTrue(StatusCodes.retryable(429));
        assertFalse(StatusCodes.retryable(404));
        assertFalse(StatusCodes.retryable(600));
        assertFalse(StatusCodes.retryable(999));
    }

    @Test
    void reasonsNameTheCode() {
        assertEquals("HTTP 407 Proxy Authentication Required", StatusCodes.reason(407, ""));
        assertEquals("HTTP 600", StatusCodes.reason(600, null));
        assertEquals("HTTP 600 Beyond", StatusCodes.reason(600, " Beyond "));
        assertEquals("HTTP 503 Busy\\x1b[31m", StatusCodes.reason(503, "Busy\u001b[31m"));
        assertEquals("HTTP 500 Server Error", StatusCodes.reason(500, null), "as the servers say it, for the JDK");
        assertEquals("HTTP 226 IM Used", StatusCodes.reason(226, ""));
        assertEquals("HTTP 299", StatusCodes.reason(299, ""));
    }

    @Test
    void aRetryAfterTooLargeForANumberWaitsTheCapLikeADay() {
        RetryPolicy policy = RetryPolicy.standard(2);
        Duration huge = StatusCodes.retryAfter("99999999999999999999");
        assertEquals(RetryPolicy.RETRY_AFTER_CAP, policy.delay(1, huge));
        assertEquals(RetryPolicy.RETRY_AFTER_CAP, policy.delay(1, StatusCodes.retryAfter("86400")));
        assertEquals(Duration.ofSeconds(3), StatusCodes.retryAfter(" 3 "));
        assertNull(StatusCodes.retryAfter("soon"));
        assertNull(StatusCodes.retryAfter(null));
    }
}
