// cups:QUEUE: a raw CUPS queue (the job bytes go to the printer untouched).
// Checklist: [x] print with timeout (connect and I/O bounded by httpConnect2/httpSetTimeout)
//            [x] status from the queue's printer-state and printer-state-reasons
//            [x] a job the printer never finishes: the queue reports offline (tests/integration/printing)
//            [ ] per-job completion tracking (CUPS owns the job once accepted)
#include <cups/cups.h>

#include <cstring>
#include <ctime>

#include "platform/linux/printer_backends.hpp"

namespace platform {

namespace {
struct HttpCloser {
    void operator()(http_t* h) const { httpClose(h); }
};
using Http = std::unique_ptr<http_t, HttpCloser>;

// Aborts a blocked CUPS read/write once the timeout passes (returning 0 from the callback cancels).
int giveUp(http_t*, void*) {
    return 0;
}

class CupsPrinter final : public Printer {
public:
    explicit CupsPrinter(const PrinterUri& uri) : m_queue(uri.target), m_uri(uri.text) {}

    PrintResult<void> print(std::span<const std::uint8_t> job, std::chrono::milliseconds timeout) override {
        auto http = connect(timeout);
        if (!http) return std::unexpected(http.error());
        cups_option_t* options = nullptr;
        const int nOptions = cupsAddOption("raw", "true", 0, &options);
        const int jobId = cupsCreateJob(http->get(), m_queue.c_str(), "kiosk slip", nOptions, options);
        cupsFreeOptions(nOptions, options);
        if (jobId <= 0) {
            return std::unexpected(PrintError{PrintFailure::Unreachable,
                                              "CUPS refused the job on " + m_queue + ": " + cupsLastErrorString()});
        }
        if (cupsStartDocument(http->get(), m_queue.c_str(), jobId, "slip", CUPS_FORMAT_RAW, 1) != HTTP_STATUS_CONTINUE ||
            cupsWriteRequestData(http->get(), reinterpret_cast<const char*>(job.data()), job.size()) != HTTP_STATUS_CONTINUE) {
            return std::unexpected(PrintError{PrintFailure::Disconnected,
                                              "sending the job to CUPS failed: " + std::string{cupsLastErrorString()}});
        }
        if (cupsFinishDocument(http->get(), m_queue.c_str()) > IPP_STATUS_OK_CONFLICTING) {
            return std::unexpected(PrintError{PrintFailure::Disconnected,
                                              "CUPS did not accept the job: " + std::string{cupsLastErrorString()}});
        }
        return {};
    }

    PrintResult<PrinterStatus> status(std::chrono::milliseconds timeout) override {
        auto http = connect(timeout);
        if (!http) return std::unexpected(http.error());
        cups_dest_t* dest = cupsGetNamedDest(http->get(), m_queue.c_str(), nullptr);
        if (dest == nullptr) {
            return std::unexpected(PrintError{PrintFailure::Unreachable, "CUPS queue " + m_queue + " not found"});
        }
        const char* state = cupsGetOption("printer-state", dest->num_options, dest->options);
        const char* reasonsRaw = cupsGetOption("printer-state-reasons", dest->num_options, dest->options);
        const std::string reasons = reasonsRaw != nullptr ? reasonsRaw : "";
        PrinterStatus s;
        s.online = state == nullptr || std::strcmp(state, "5") != 0;  // 5 = stopped
        s.paperOut = reasons.find("media-empty") != std::string::npos || reasons.find("media-needed") != std::string::npos;
        s.paperNearEnd = reasons.find("media-low") != std::string::npos;
        s.coverOpen = reasons.find("cover-open") != std::string::npos || reasons.find("door-open") != std::string::npos;
        s.online = s.online && reasons.find("offline") == std::string::npos;
        s.error = reasons.find("-error") != std::string::npos;
        cupsFreeDests(1, dest);
        if (s.online && oldestJobStuck(http->get(), timeout)) s.online = false;
        return s;
    }

    [[nodiscard]] bool twoWay() const override { return true; }
    [[nodiscard]] std::string describe() const override { return m_uri; }

private:
    // CUPS accepts a job at once and sends it on its own; a printer that takes the data and never
    // finishes (jammed, a dead link that still accepts) leaves the job "processing" for ever while the
    // queue looks fine. A job processing for longer than four call timeouts (20 s by default; a slip
    // prints in a few seconds) means the printer does not print: the queue is reported offline, so the
    // kiosk stops offering Print and staff see it (docs/printing.md, "CUPS").
    bool oldestJobStuck(http_t* http, std::chrono::milliseconds timeout) const {
        cups_job_t* jobs = nullptr;
        const int n = cupsGetJobs2(http, &jobs, m_queue.c_str(), 0, CUPS_WHICHJOBS_ACTIVE);
        const std::time_t now = std::time(nullptr);
        const auto stuckAfter = std::chrono::duration_cast<std::chrono::seconds>(timeout * 4).count();
        bool stuck = false;
        for (int i = 0; i < n; ++i) {
            stuck = stuck || (jobs[i].state == IPP_JSTATE_PROCESSING && jobs[i].processing_time > 0 &&
                              now - jobs[i].processing_time > stuckAfter);
        }
        cupsFreeJobs(n, jobs);
        return stuck;
    }

    PrintResult<Http> connect(std::chrono::milliseconds timeout) {
        int cancel = 0;
        Http http{httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1,
                               static_cast<int>(timeout.count()), &cancel)};
        if (!http) {
            return std::unexpected(PrintError{PrintFailure::Unreachable, "cannot reach the CUPS server"});
        }
        httpSetTimeout(http.get(), static_cast<double>(timeout.count()) / 1000.0, giveUp, nullptr);
        return http;
    }

    std::string m_queue;
    std::string m_uri;
};
}  // namespace

std::unique_ptr<Printer> makeCupsPrinter(const PrinterUri& uri) {
    return std::make_unique<CupsPrinter>(uri);
}

}  // namespace platform
