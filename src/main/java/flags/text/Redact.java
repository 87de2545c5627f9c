package flags.text;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** URLs as they may be shown: a user name or password in one ({@code http://user:secret@host/}) becomes {@code ***}. */
public final class Redact {
    private static final Pattern USER_INFO =
            Pattern.compile("(?<=://)[^/?#\\s]*@"); // up to the last '@' of the authority

    private Redact() {}

    public static String url(HttpUrl url) {
        return url == null ? null : url(url.toString());
    }

    /** Any text that may hold URLs, such as an error message. */
    public static String url(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("***@");
    }
}
