// Speech for platform_linux: espeak-ng synthesises to PCM in its synchronous mode (no audio of its
// own), pcaudiolib plays the PCM. espeak-ng keeps global state, so one synthesis runs at a time
// (a process-wide mutex); the kiosk has one speech worker anyway.
//
// Feature checklist: Vietnamese ("vi") and English ("en") voices; volume and rate from
// [audio]; cancel between chunks; no audio device needed to synthesise (the tests write WAV files).
#include "platform/speech.hpp"

#include <espeak-ng/espeak_ng.h>
#include <pcaudiolib/audio.h>

#include <mutex>
#include <string>

namespace platform {
namespace {

std::mutex g_espeakMutex;  // espeak-ng's state is global

// Where the synth callback puts samples: set while synthesize() holds g_espeakMutex.
struct Collect {
    Pcm* pcm = nullptr;
    const std::atomic<bool>* cancel = nullptr;
};
Collect g_collect;

int onSamples(short* wav, int count, espeak_EVENT*) {
    if (g_collect.cancel != nullptr && g_collect.cancel->load()) {
        return 1;  // abort synthesis
    }
    if (wav != nullptr && count > 0 && g_collect.pcm != nullptr) {
        g_collect.pcm->samples.insert(g_collect.pcm->samples.end(), wav, wav + count);
    }
    return 0;
}

std::string statusText(espeak_ng_STATUS status) {
    char buf[256] = {};
    espeak_ng_GetStatusCodeMessage(status, buf, sizeof buf);
    return buf;
}

class EspeakSynthesizer final : public SpeechSynthesizer {
public:
    EspeakSynthesizer(int sampleRate, SpeechOptions options) : m_sampleRate(sampleRate), m_options(options) {}

    kiosk::core::Result<Pcm> synthesize(std::string_view text, kiosk::core::Language language,
                                        const std::atomic<bool>& cancel) override {
        if (text.empty()) {
            return kiosk::core::fail(kiosk::core::ErrorKind::InvalidInput, "nothing to say");
        }
        std::lock_guard lock(g_espeakMutex);
        const char* voice = language == kiosk::core::Language::En ? "en" : "vi";
        if (const auto s = espeak_ng_SetVoiceByName(voice); s != ENS_OK) {
            return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable,
                                     std::string("espeak-ng voice ") + voice + ": " + statusText(s));
        }
        espeak_ng_SetParameter(espeakRATE, m_options.rateWpm, 0);
        espeak_ng_SetParameter(espeakVOLUME, m_options.volume, 0);  // espeak-ng: 100 = its normal level; above clips
        Pcm pcm;
        pcm.sampleRate = m_sampleRate;
        g_collect = Collect{&pcm, &cancel};
        const std::string copy(text);
        const auto s = espeak_ng_Synthesize(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                            nullptr, nullptr);
        g_collect = Collect{};
        if (cancel.load()) {
            return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable, "cancelled");
        }
        if (s != ENS_OK) {
            return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable, "espeak-ng: " + statusText(s));
        }
        return pcm;
    }

private:
    int m_sampleRate;
    SpeechOptions m_options;
};

class PcaudioOutput final : public AudioOutput {
public:
    kiosk::core::Result<void> play(const Pcm& pcm, const std::atomic<bool>& stop) override {
        audio_object* out = create_audio_device_object(nullptr, "kiosk", "Spoken dossier status");
        if (out == nullptr) {
            return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable, "no sound output");
        }
        if (const int e = audio_object_open(out, AUDIO_OBJECT_FORMAT_S16LE, static_cast<std::uint32_t>(pcm.sampleRate), 1);
            e != 0) {
            std::string why = audio_object_strerror(out, e);
            audio_object_destroy(out);
            return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable, "sound output: " + why);
        }
        // Tenths of a second at a time, so Stop (Done, idle reset) is heard at once.
        const std::size_t chunk = static_cast<std::size_t>(pcm.sampleRate / 10);
        for (std::size_t at = 0; at < pcm.samples.size() && !stop.load(); at += chunk) {
            const std::size_t n = std::min(chunk, pcm.samples.size() - at);
            if (audio_object_write(out, pcm.samples.data() + at, n * sizeof(std::int16_t)) != 0) {
                break;
            }
        }
        if (stop.load()) {
            audio_object_flush(out);
        } else {
            audio_object_drain(out);
        }
        audio_object_close(out);
        audio_object_destroy(out);
        return {};
    }
};

}  // namespace

kiosk::core::Result<std::unique_ptr<SpeechSynthesizer>> makeSpeechSynthesizer(const SpeechOptions& options) {
    std::lock_guard lock(g_espeakMutex);
    static int sampleRate = 0;  // espeak-ng is initialised once per process
    if (sampleRate == 0) {
        espeak_ng_InitializePath(nullptr);  // espeak-ng-data where Debian installs it
        espeak_ng_ERROR_CONTEXT context = nullptr;
        if (const auto s = espeak_ng_Initialize(&context); s != ENS_OK) {
            espeak_ng_ClearErrorContext(&context);
            return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable, "espeak-ng: " + statusText(s));
        }
        if (const auto s = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr); s != ENS_OK) {
            return kiosk::core::fail(kiosk::core::ErrorKind::Unavailable, "espeak-ng output: " + statusText(s));
        }
        espeak_SetSynthCallback(onSamples);
        sampleRate = espeak_ng_GetSampleRate();
    }
    return std::unique_ptr<SpeechSynthesizer>(std::make_unique<EspeakSynthesizer>(sampleRate, options));
}

std::unique_ptr<AudioOutput> makeAudioOutput() { return std::make_unique<PcaudioOutput>(); }

}  // namespace platform
