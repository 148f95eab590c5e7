// KioskServices: builds the kiosk screen's workers from the settings and turns their results into
// flow events. Index: [SECTION] helpers, [SECTION] lookups, [SECTION] services (construction),
// [SECTION] commands, [SECTION] guidance catalog, [SECTION] scanning.
//
// Logging rule: kinds, ids and timings only. Dossier codes, tokens, scanned text and anything from a
// dossier never reach the log.
#include "kiosk/app/services/kiosk_services.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "kiosk/app/services/slip_fonts.hpp"
#include "kiosk/core/slip/test_page.hpp"
#include "kiosk/core/staff/provisioning.hpp"
#include "platform/http_client.hpp"

namespace kiosk::app {

//-----------------------------------------------------------------------------
// [SECTION] helpers
//-----------------------------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

std::string hostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0 || buf[0] == '\0') {
        return "kiosk";
    }
    return buf;
}

core::InputSource flowSource(ScanSource source) {
    return source == ScanSource::Camera ? core::InputSource::Camera : core::InputSource::Scanner;
}

//-----------------------------------------------------------------------------
// [SECTION] lookups
//-----------------------------------------------------------------------------

/// No usable backend: every lookup fails with the reason (Offline when none is configured, Unauthorized
/// for an unusable token file, Tls for a refused plain-http URL), so the citizen's screen says the right thing.
class FailingLookup final : public DossierLookup {
public:
    explicit FailingLookup(core::LookupError error) : m_error(std::move(error)) {}
    void start(LookupTarget, Done done) override { done(std::unexpected(m_error)); }
    void cancel() override {}

private:
    core::LookupError m_error;
};

/// The backend, through LookupService's worker thread.
class BackendLookup final : public DossierLookup {
public:
    explicit BackendLookup(BackendClient& client) : m_service(client) {}
    void start(LookupTarget target, Done done) override {
        m_service.start(std::move(target), [done = std::move(done)](std::uint64_t, LookupResult result) {
            done(std::move(result));
        });
    }
    void cancel() override { m_service.cancel(); }

private:
    LookupService m_service;
};

}  // namespace

std::string kioskIdOf(const core::Settings& settings) {
    return settings.operations.kioskId.empty() ? hostName() : settings.operations.kioskId;
}

//-----------------------------------------------------------------------------
// [SECTION] services (construction)
//-----------------------------------------------------------------------------

KioskServices::KioskServices(const core::Settings& settings, Devices devices, PostEvent post,
                             std::function<void()> wake, std::unique_ptr<DossierLookup> lookupOverride)
    : m_settings(settings), m_post(std::move(post)), m_wake(std::move(wake)), m_http(std::move(devices.http)) {
    m_instanceId = hostName() + "-" + std::to_string(getpid()) + "-" +
                   std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count());
    // The office's zone: slips, ratings and the screen's clock all use it (office.time_zone). runKiosk
    // has refused to start with an unknown zone; other callers fall back to the default, loudly.
    if (auto zone = officeTimeZone(m_settings)) {
        m_zone = std::move(*zone);
    } else {
        spdlog::error("{}; using {}", zone.error().message, core::kDefaultTimeZone);
    }
    buildBackend(std::move(lookupOverride));
    m_operations = std::make_unique<Operations>(m_settings, m_backend.get(), m_health, kioskIdOf(m_settings), m_instanceId,
                                                m_zone);
    buildPrinting(std::move(devices.printer));
    buildSpeech(devices);
    buildScanning(devices);
    m_tasks = std::make_unique<TaskWorker>();
}

KioskServices::~KioskServices() {
    m_speech.reset();  // it wakes the loop through m_wake
    m_catalogCancel = true;  // the fetch gives up; loading the bundled files takes milliseconds
    if (m_catalogThread.joinable()) m_catalogThread.join();  // it uses the backend client
    m_tasks.reset();  // it uses the printer, the renderer and the outbox
    if (m_operations) m_operations->stop();  // its reporter reads health(), which reads the devices below
    if (m_scan) m_scan->stop();
}

void KioskServices::startReporting(const FrameTimes& frames) {
    m_operations->startReporting([this] { return health(); }, frames);
}

void KioskServices::shutdown(std::chrono::milliseconds budget) {
    const auto started = Clock::now();
    const auto deadline = started + budget;
    if (m_scan) m_scan->stop();  // no new codes from the camera or the scanners
    m_lookup->cancel();
    // Ratings are committed and slips rendered (then handed to the printer) in the order given.
    const std::size_t tasksDropped = m_tasks->finish(deadline);
    const std::size_t printsDropped = m_print ? m_print->finish(deadline) : 0;
    m_operations->stop();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    if (tasksDropped + printsDropped > 0) {
        spdlog::warn("stopped in {:.0f} ms; not done within {} ms: {} rating or slip jobs, {} print jobs (dropped)", ms,
                     budget.count(), tasksDropped, printsDropped);
    } else {
        spdlog::info("stopped cleanly in {:.0f} ms: every queued rating and slip was handled", ms);
    }
}

void KioskServices::buildBackend(std::unique_ptr<DossierLookup> lookupOverride) {
    if (lookupOverride) {
        m_lookup = std::move(lookupOverride);
        m_lookupOverridden = true;
        return;
    }
    auto options = backendOptionsFrom(m_settings.backend);
    if (!options) {
        // The kiosk still starts: citizens see the reason's screen (offline, not authorised, not secure),
        // staff see this line.
        spdlog::error("backend: {}; lookups will report {}", options.error().diagnostic, core::toString(options.error().kind));
        m_lookup = std::make_unique<FailingLookup>(std::move(options.error()));
        return;
    }
    m_backend = std::make_unique<BackendClient>(*m_http, std::move(*options));
    m_lookup = std::make_unique<BackendLookup>(*m_backend);
    spdlog::info("backend configured ({})", m_settings.backend.url);
}

void KioskServices::buildPrinting(std::unique_ptr<platform::Printer> printer) {
    if (!printer) {
        return;  // none configured, or its URI was unusable (buildDevices logged why)
    }
    const std::string described = printer->describe();
    PrintService::Options options;
    options.timeout = std::chrono::milliseconds(std::max(500, m_settings.printer.timeoutMs));
    auto onDone = [this](const PrintOutcome& outcome) {
        if (outcome.kind == PrintOutcome::Kind::StatusCheck) {
            if (!outcome.result) {
                spdlog::warn("printer status: {}", core::toString(outcome.result.error().kind));
                m_health.errorSeen(HealthArea::Printer, core::toString(outcome.result.error().kind));
            }
            if (m_wake) m_wake();  // Print may have to appear or disappear
            return;
        }
        core::event::PrintFinished finished;
        m_health.printFinished(outcome.result ? std::nullopt : std::optional{outcome.result.error().kind});
        if (!outcome.result) {
            finished.failure = outcome.result.error().kind;
            spdlog::warn("print job {} failed: {}", outcome.id, core::toString(*finished.failure));
        } else {
            spdlog::info("print job {} printed", outcome.id);
        }
        m_post(finished);
    };
    m_print = std::make_unique<PrintService>(std::move(printer), std::move(onDone), options);
    m_print->checkStatus();  // learn early whether Print can be offered
    spdlog::info("printer configured ({})", described);
}

void KioskServices::buildScanning(Devices& devices) {
    ScanServiceOptions options;
    options.previewFps = m_settings.camera.preview ? 4.0 : 0.0;  // the screen shows at most 4 a second
    const core::ReceiptRules rules = m_settings.receipt;
    m_scan = std::make_unique<ScanService>(
        options,
        [this, rules](std::string_view raw) {
            // A provisioning QR (staff mode, setup screen) goes to the flow as such; it is no receipt.
            if (core::isProvisioningPayload(raw)) {
                auto text = core::decodeProvisioningPayload(raw);
                m_post(core::event::Staff{core::staff::ProvisioningScanned{text ? std::move(*text) : std::string()}});
            }
            return core::readReceipt(raw, rules);
        },
        [this](ScanEvent e) {
            // Debug: a held receipt is reported every repeatInterval; the flow's "lookup N started" is the news.
            spdlog::debug("scan from {} ({} ms to report)", e.source == ScanSource::Camera ? "camera" : "scanner",
                         std::chrono::duration_cast<std::chrono::milliseconds>(e.reported - e.arrival).count());
            m_health.scanRead(e.source == ScanSource::Camera    ? ScanChannel::Camera
                              : e.source == ScanSource::Scanner ? ScanChannel::Scanner
                                                                : ScanChannel::Keyboard);
            m_post(core::event::ReceiptRead{std::move(e.reading), flowSource(e.source)});
        },
        [this] {
            if (m_wake) m_wake();
        });
    m_cameraConfigured = devices.camera != nullptr;
    if (devices.camera) {
        m_scan->setCamera(std::move(devices.camera));  // it logs the camera it starts
    }
    for (auto& scanner : devices.scanners) {
        m_scan->addScanner(std::move(scanner));
    }
    m_scan->start();
}

//-----------------------------------------------------------------------------
// [SECTION] commands
//-----------------------------------------------------------------------------

void KioskServices::startLookup(std::uint64_t requestId, const core::ReceiptReading& reading) {
    LookupTarget target;
    if (const auto* code = std::get_if<core::DossierCode>(&reading)) {
        target = *code;
    } else if (const auto* token = std::get_if<core::ReceiptToken>(&reading)) {
        target = *token;
    } else {
        return;  // the flow never starts a lookup for text that is not a receipt
    }
    const auto started = Clock::now();
    spdlog::info("lookup {} started ({})", requestId, target.index() == 0 ? "code" : "token");
    m_lookup->start(std::move(target), [this, post = m_post, requestId, started](LookupResult result) {
        const auto ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        m_health.lookupFinished(result ? std::nullopt : std::optional{result.error().kind}, ms);
        if (result) {
            spdlog::info("lookup {} answered in {:.1f} ms", requestId, ms);
            post(core::event::LookupSucceeded{requestId, std::move(*result)});
        } else {
            if (result.error().kind != core::LookupErrorKind::Cancelled) {
                spdlog::info("lookup {} failed in {:.1f} ms: {}", requestId, ms, core::toString(result.error().kind));
            }
            post(core::event::LookupFailed{requestId, std::move(result.error())});
        }
    });
}

void KioskServices::cancelLookup() { m_lookup->cancel(); }

// The rating goes into the outbox (on disk, on the task worker) before the citizen is thanked; the
// outbox's worker delivers it when the backend takes it (docs/operations.md, "Outbox").
void KioskServices::sendRating(const core::command::SendRating& command) {
    core::Rating rating;
    rating.dossierCode = command.dossierCode;
    rating.level = command.level;
    rating.ratedAt = officeNow();
    rating.kioskId = kioskIdOf(m_settings);
    rating.idempotencyKey = command.idempotencyKey;
    m_tasks->post([this, rating = std::move(rating)] {
        m_post(core::event::RatingSent{m_operations->queueRating(rating)});
    });
}

void KioskServices::printStatusSlip(const core::Dossier& dossier, core::Language language) {
    if (!m_print) {
        m_post(core::event::PrintFinished{core::PrintFailure::NoPrinter});
        return;
    }
    m_tasks->post([this, dossier, language] {
        const auto started = Clock::now();
        if (!ensureSlipMaker()) return;
        auto slip = m_slips->statusSlip(dossier, language, officeNow());
        if (!slip) {
            spdlog::error("slip rendering failed: {}", slip.error().message);
            m_post(core::event::PrintFinished{core::PrintFailure::RenderFailed});
            return;
        }
        const auto id = m_print->submit(m_slips->escposJob(*slip));
        spdlog::info("print job {} queued ({:.0f} ms to render)", id,
                     std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    });
}

void KioskServices::printGuidanceSlip(const core::guidance::GuidanceEntry& entry, core::Language language) {
    if (!m_print) {
        m_post(core::event::PrintFinished{core::PrintFailure::NoPrinter});
        return;
    }
    m_tasks->post([this, entry, language] {
        const auto started = Clock::now();
        if (!ensureSlipMaker()) return;
        auto slip = m_slips->guidanceSlip(entry, language, officeNow());
        if (!slip) {
            spdlog::error("guidance slip '{}' rendering failed: {}", entry.id, slip.error().message);
            m_post(core::event::PrintFinished{core::PrintFailure::RenderFailed});
            return;
        }
        const auto id = m_print->submit(m_slips->escposJob(*slip));
        spdlog::info("print job {} queued: guidance '{}' ({:.0f} ms to render)", id, entry.id,
                     std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    });
}

// Fonts and string tables come from disk: on the task worker, the first time only. On failure the
// print is answered (PrintFinished RenderFailed) and false returned.
bool KioskServices::ensureSlipMaker() {
    if (m_slips) return true;
    auto maker = SlipMaker::create(m_settings, m_zone);
    if (!maker) {
        spdlog::error("slips: {}", maker.error().message);
        m_post(core::event::PrintFinished{core::PrintFailure::RenderFailed});
        return false;
    }
    m_slips.emplace(std::move(*maker));
    return true;
}

void KioskServices::wipeSession() {
    // Whether a receipt still in view is looked up again is the flow's rule (its de-duplication outlives
    // every reset while the receipt is in view); the scan service only throttles repeats.
    stopSpeaking();  // nothing of the session may still be heard
}

core::ZonedTime KioskServices::officeNow() const {
    return m_zone.at(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

//-----------------------------------------------------------------------------
// [SECTION] speech
//-----------------------------------------------------------------------------

void KioskServices::buildSpeech(Devices& devices) {
    if (!devices.speech) {
        return;  // audio.enabled is false, or the engine could not start (buildDevices logged why)
    }
    m_speech = std::make_unique<SpeechService>(std::move(devices.speech), std::move(devices.audio), [this] {
        if (m_wake) m_wake();
    });
    spdlog::info("speech: espeak-ng ready (volume {}, {} words per minute)", m_settings.audio.volume,
                 m_settings.audio.rateWpm);
}

void KioskServices::speak(std::string text, core::Language language) {
    if (m_speech) m_speech->speak(std::move(text), language);
}

void KioskServices::stopSpeaking() {
    if (m_speech) m_speech->stop();
}

bool KioskServices::speaking() const { return m_speech && m_speech->speaking(); }

bool KioskServices::printerKnownUnavailable() const { return m_print && m_print->printerKnownUnavailable(); }

HealthSnapshot KioskServices::health() const {
    HealthSnapshot s = m_health.snapshot();
    if (m_cameraConfigured) s.camera = m_scan->cameraStatus();
    s.scanners = m_scan->scannerStatuses();
    s.printerConfigured = m_print != nullptr;
    if (m_print) s.printerStatus = m_print->lastKnownStatus();
    return s;
}

void KioskServices::refreshPrinterStatus() {
    if (m_print) m_print->checkStatus();
}

std::unique_ptr<DossierLookup> KioskServices::releaseLookupOverride() {
    if (!m_lookupOverridden) return nullptr;
    m_lookupOverridden = false;
    m_lookup->cancel();
    auto lookup = std::move(m_lookup);
    // Only for the moment before these services are destroyed: nothing may look up meanwhile.
    m_lookup = std::make_unique<FailingLookup>(core::LookupError{core::LookupErrorKind::Cancelled, "services being rebuilt", 0});
    return lookup;
}

void KioskServices::printTestPage() {
    if (!m_print) {
        m_post(core::event::PrintFinished{core::PrintFailure::NoPrinter});
        return;
    }
    m_tasks->post([this] {
        if (!ensureSlipMaker()) return;
        auto fonts = loadSlipFonts();
        auto renderer = fonts ? core::slip::SlipRenderer::create(fonts->data())
                              : core::Result<core::slip::SlipRenderer>(std::unexpected(fonts.error()));
        const int width = m_settings.printer.widthDots;
        auto page = renderer ? renderer->render(core::slip::buildTestPage(m_settings.office.name, officeNow(), width,
                                                                          std::string{"kiosk "} + KIOSK_VERSION),
                                                {.paperWidthDots = width})
                             : core::Result<core::slip::RenderedSlip>(std::unexpected(renderer.error()));
        if (!page) {
            spdlog::error("test page rendering failed: {}", page.error().message);
            m_post(core::event::PrintFinished{core::PrintFailure::RenderFailed});
            return;
        }
        const auto id = m_print->submit(m_slips->escposJob(*page));
        spdlog::info("print job {} queued: test page", id);
    });
}

//-----------------------------------------------------------------------------
// [SECTION] guidance catalog
//-----------------------------------------------------------------------------

void KioskServices::loadGuidance(std::filesystem::path bundled, LibraryReady ready) {
    m_catalogThread = std::jthread([this, bundled = std::move(bundled), ready = std::move(ready)] {
        try {
            runGuidanceLoad(bundled, ready);
        } catch (const std::exception& e) {
            spdlog::error("guidance catalog: {}; the guide stays hidden", e.what());
        }
    });
}

// The bundled catalog first (it works offline), then at most one backend fetch. Without a disk
// cache the backend's catalog is fetched again at every start.
void KioskServices::runGuidanceLoad(const std::filesystem::path& bundled, const LibraryReady& ready) {
    namespace guidance = core::guidance;
    const auto started = Clock::now();
    auto elapsedMs = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - started).count(); };
    std::optional<guidance::LoadedCatalog> local;
    if (auto loaded = guidance::loadCatalog(bundled)) {
        local = std::move(*loaded);
        for (const auto& issue : local->issues) {
            spdlog::warn("guidance catalog: {} (entry left out)", issue.text());
        }
        const std::size_t entries = local->catalog.entries.size();
        if (entries == 0) {
            spdlog::error("guidance catalog {}: no usable entry; the guide stays hidden", bundled.string());
        } else {
            auto library = std::make_shared<const guidance::GuidanceLibrary>(local->catalog);
            spdlog::info("guidance catalog: {} entries, version {}, {} issues, loaded and indexed in {:.1f} ms ({})",
                         entries, local->catalog.version, local->issues.size(), elapsedMs(), bundled.string());
            ready(std::move(library));
        }
    } else {
        spdlog::error("guidance catalog: {}; the guide stays hidden", loaded.error().message);
    }
    if (!m_backend || m_catalogCancel) return;

    const auto fetchStarted = Clock::now();
    auto fetched = m_backend->fetchCatalog("", &m_catalogCancel);
    m_health.backendCallFinished(fetched ? std::nullopt : std::optional{fetched.error().kind},
                                 std::chrono::duration<double, std::milli>(Clock::now() - fetchStarted).count());
    if (!fetched) {
        spdlog::info("backend guidance catalog not fetched ({}); keeping the bundled one",
                     core::toString(fetched.error().kind));
        return;
    }
    std::optional<guidance::LoadedCatalog> remote;
    if (!fetched->notModified) {
        auto parsed = guidance::parseCatalog(fetched->body, "backend");
        if (!parsed) {
            spdlog::warn("backend guidance catalog unusable: {}", parsed.error().message);
        } else {
            for (const auto& issue : parsed->issues) {
                spdlog::warn("backend guidance catalog: {}", issue.text());
            }
            parsed->catalog.etag = fetched->etag;
            parsed->catalog.source = "backend";
            remote = std::move(*parsed);
        }
    }
    const guidance::LoadedCatalog empty;
    const guidance::CatalogChoice choice = guidance::chooseCatalog(local ? *local : empty, remote);
    spdlog::info("backend guidance catalog fetched in {:.0f} ms: {}",
                 std::chrono::duration<double, std::milli>(Clock::now() - fetchStarted).count(), choice.reason);
    if (choice.useBackend && remote) {
        ready(std::make_shared<const guidance::GuidanceLibrary>(std::move(remote->catalog)));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] scanning
//-----------------------------------------------------------------------------

void KioskServices::submitWedgeScan(const std::string& raw, std::chrono::steady_clock::time_point arrival) {
    m_scan->submitText(raw, ScanSource::Keyboard, arrival);
}

ScanStats KioskServices::scanStats() const { return m_scan ? m_scan->stats() : ScanStats{}; }

bool KioskServices::cameraWorking() const {
    if (!m_cameraConfigured) return false;
    const auto state = m_scan->cameraStatus().state;
    return state == platform::CameraStatus::State::Running || state == platform::CameraStatus::State::Starting;
}

bool KioskServices::latestPreview(PreviewFrame& out) const { return m_scan->latestPreview(out); }

std::optional<DetectionOutline> KioskServices::lastDetection() const { return m_scan->lastDetection(); }

}  // namespace kiosk::app
