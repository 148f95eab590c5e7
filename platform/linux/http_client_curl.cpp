// libcurl backend of platform::HttpClient. One easy handle per request, driven through a private multi
// handle so the loop can look at the cancel flag every 50 ms: curl's progress callback alone can be
// a second late when the line is silent, and a citizen who goes back should not wait for that.

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <system_error>

#include "platform/http_client.hpp"

namespace platform {
namespace {

struct Transfer {
    std::string body;
    std::string contentType;
    std::string etag;
    std::size_t cap = 0;
    bool tooLarge = false;
    const std::atomic<bool>* cancel = nullptr;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->body.size() + n > t->cap) {
        t->tooLarge = true;
        return 0;  // CURLE_WRITE_ERROR: stop reading
    }
    t->body.append(data, n);
    return n;
}

std::string lower(std::string s) {
    std::ranges::transform(s, s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
    const auto first = s.find_first_not_of(' ');
    return first == std::string::npos ? std::string{} : s.substr(first);
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    const std::string line{data, n};
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        const std::string name = lower(line.substr(0, colon));
        const std::string value = trim(line.substr(colon + 1));
        if (name == "content-type") t->contentType = lower(value);
        else if (name == "etag") t->etag = value;
        else if (name == "content-length") {
            // Refuse an announced oversized body before a byte of it is read. A length that is not a
            // number is left to curl; one too large for 64 bits is over the cap too.
            unsigned long long announced = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), announced);
            if ((ec == std::errc{} && announced > t->cap) || ec == std::errc::result_out_of_range) {
                t->tooLarge = true;
                return 0;
            }
        }
    } else if (line.starts_with("HTTP/")) {
        // A new response (e.g. after 100 Continue): forget the previous one's headers.
        t->contentType.clear();
        t->etag.clear();
    }
    return n;
}

int onProgress(void* user, curl_off_t, curl_off_t dlnow, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    if (t->cancel != nullptr && t->cancel->load()) return 1;
    if (dlnow > 0 && static_cast<std::size_t>(dlnow) > t->cap) {
        t->tooLarge = true;
        return 1;
    }
    return 0;
}

HttpFailure classify(CURLcode code) {
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT: return HttpFailure::Timeout;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_USE_SSL_FAILED: return HttpFailure::Tls;
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
        case CURLE_WEIRD_SERVER_REPLY:
        case CURLE_BAD_CONTENT_ENCODING: return HttpFailure::Protocol;
        default: return HttpFailure::Offline;  // resolve, connect, send, recv, partial file, empty reply
    }
}

class CurlHttpClient final : public HttpClient {
public:
    std::expected<HttpResponse, HttpError> perform(const HttpRequest& request, const HttpOptions& options,
                                                   const std::atomic<bool>* cancel) override {
        CURL* easy = curl_easy_init();
        CURLM* multi = curl_multi_init();
        if (easy == nullptr || multi == nullptr) {
            if (easy) curl_easy_cleanup(easy);
            if (multi) curl_multi_cleanup(multi);
            return std::unexpected(HttpError{HttpFailure::Offline, "curl init failed"});
        }
        Transfer t;
        t.cap = options.maxResponseBytes;
        t.cancel = cancel;
        char errorBuffer[CURL_ERROR_SIZE] = {};

        curl_slist* headers = nullptr;
        for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
        // No "Expect: 100-continue" round trip for small POST bodies.
        headers = curl_slist_append(headers, "Expect:");

        curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);  // worker thread: no SIGALRM for DNS timeouts
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect is an error, never followed
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connectTimeout.count()));
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options.totalTimeout.count()));
        curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.maxResponseBytes));
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, onBody);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, onHeader);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, onProgress);
        curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &t);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errorBuffer);
        curl_easy_setopt(easy, CURLOPT_USERAGENT, "kiosk/1");
        // TLS: verification is always on; only the trust anchors and the pin are configurable.
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!options.caBundle.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options.caBundle.c_str());
        if (!options.pinnedPublicKey.empty()) {
            curl_easy_setopt(easy, CURLOPT_PINNEDPUBLICKEY, options.pinnedPublicKey.c_str());
        }
        if (!options.clientCert.empty()) curl_easy_setopt(easy, CURLOPT_SSLCERT, options.clientCert.c_str());
        if (!options.clientKey.empty()) curl_easy_setopt(easy, CURLOPT_SSLKEY, options.clientKey.c_str());
        if (request.method == "POST") {
            curl_easy_setopt(easy, CURLOPT_POST, 1L);
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.c_str());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        }

        curl_multi_add_handle(multi, easy);
        CURLcode result = CURLE_OK;
        bool cancelled = false;
        int running = 1;
        while (running > 0) {
            if (cancel != nullptr && cancel->load()) {
                cancelled = true;
                break;
            }
            if (curl_multi_perform(multi, &running) != CURLM_OK) {
                result = CURLE_RECV_ERROR;
                break;
            }
            if (running > 0) curl_multi_poll(multi, nullptr, 0, 50, nullptr);
        }
        if (!cancelled) {
            int queued = 0;
            while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
                if (msg->msg == CURLMSG_DONE) result = msg->data.result;
            }
        }
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        curl_multi_remove_handle(multi, easy);
        curl_easy_cleanup(easy);
        curl_multi_cleanup(multi);
        curl_slist_free_all(headers);

        if (cancelled || (result == CURLE_ABORTED_BY_CALLBACK && cancel != nullptr && cancel->load())) {
            return std::unexpected(HttpError{HttpFailure::Cancelled, "cancelled"});
        }
        if (t.tooLarge || result == CURLE_FILESIZE_EXCEEDED) {
            return std::unexpected(HttpError{HttpFailure::TooLarge,
                                             "response over " + std::to_string(options.maxResponseBytes) + " bytes"});
        }
        if (result != CURLE_OK) {
            std::string diagnostic = std::string{curl_easy_strerror(result)};
            if (errorBuffer[0] != '\0') diagnostic += std::string{": "} + errorBuffer;
            return std::unexpected(HttpError{classify(result), std::move(diagnostic)});
        }
        HttpResponse response;
        response.status = static_cast<int>(status);
        response.contentType = std::move(t.contentType);
        response.etag = std::move(t.etag);
        response.body = std::move(t.body);
        return response;
    }
};

}  // namespace

std::unique_ptr<HttpClient> makeHttpClient() { return std::make_unique<CurlHttpClient>(); }

}  // namespace platform
