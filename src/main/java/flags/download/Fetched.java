package flags.download;

import okhttp3.HttpUrl;

/** The answer a request ended with, and the URL it asked (the last one, for reports). */
record Fetched<T>(Answer<T> answer, HttpUrl url) {
    boolean ok() {
        return answer.status() == Status.OK;
    }
}
