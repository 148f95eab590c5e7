// The spoken status through the real speech engine (espeak-ng, platform_linux): every status's text,
// built in core from the same answer as the screen, in Vietnamese and English, synthesised to a WAV
// file and measured with sox: non-silent and of a length that fits the number of words.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kiosk/core/dossier/dossier_answer.hpp"
#include "kiosk/core/dossier/spoken_status.hpp"
#include "platform/speech.hpp"
#include "tests/ui/fixtures.hpp"

using namespace kiosk;

namespace {

// A 16-bit mono PCM WAV file: the 44-byte RIFF header and the samples (little-endian, as x86 stores them).
void writeWav(const std::filesystem::path& file, const platform::Pcm& pcm) {
    std::ofstream out(file, std::ios::binary);
    auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    auto u16 = [&](std::uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
    const auto bytes = static_cast<std::uint32_t>(pcm.samples.size() * 2);
    out.write("RIFF", 4);
    u32(36 + bytes);
    out.write("WAVEfmt ", 8);
    u32(16);
    u16(1);  // PCM
    u16(1);  // mono
    u32(static_cast<std::uint32_t>(pcm.sampleRate));
    u32(static_cast<std::uint32_t>(pcm.sampleRate * 2));
    u16(2);
    u16(16);
    out.write("data", 4);
    u32(bytes);
    out.write(reinterpret_cast<const char*>(pcm.samples.data()), bytes);
}

struct SoxStat {
    double seconds = 0;
    double rms = 0;
    double maximum = 0;
};

// `sox FILE -n stat` prints "Length (seconds): 12.3", "RMS amplitude: 0.08", ... on stderr.
SoxStat soxStat(const std::filesystem::path& file) {
    SoxStat s;
    const std::string cmd = "sox '" + file.string() + "' -n stat 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    if (p == nullptr) return s;
    char line[256];
    while (std::fgets(line, sizeof line, p) != nullptr) {
        const std::string l(line);
        const auto colon = l.find(':');
        if (colon == std::string::npos) continue;
        const double v = std::atof(l.c_str() + colon + 1);
        if (l.starts_with("Length (seconds)")) s.seconds = v;
        if (l.starts_with("RMS     amplitude")) s.rms = v;
        if (l.starts_with("Maximum amplitude")) s.maximum = v;
    }
    pclose(p);
    return s;
}

int wordCount(const std::string& text) {
    std::istringstream in(text);
    int n = 0;
    for (std::string w; in >> w;) ++n;
    return n;
}

core::Dossier dossierWithStatus(int code) {
    core::Dossier d = test::processingDossier();
    d.status = core::statusFromCode(code);
    d.rawStatus = code;
    if (code == 5) d.missingDocuments = {{"Hợp đồng thuê địa điểm kinh doanh", "bản sao có chứng thực"}};
    if (code == 6) d.fees = {{"Lệ phí cấp giấy chứng nhận", 100000, false, "Nộp tại quầy số 5", ""}};
    if (code == 3) d.history.back().note = "Hồ sơ thuộc thẩm quyền của UBND cấp xã";
    if (code >= 9) d.finished = test::vnTime(2026, 11, 27, 16, 0);
    return d;
}

}  // namespace

TEST(SpokenStatusTest, EveryStatusIsSpokenAudiblyAtAPlausibleLength) {
    if (std::system("sox --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "sox not installed";
    auto synth = platform::makeSpeechSynthesizer({});
    ASSERT_TRUE(synth) << synth.error().message;
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-speech-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::atomic<bool> cancel{false};
    for (const auto lang : {core::Language::Vi, core::Language::En}) {
        auto table = core::loadStringTable(std::string(KIOSK_SOURCE_ASSETS_DIR) + "/i18n", lang);
        ASSERT_TRUE(table) << table.error().message;
        for (int code = 0; code <= 10; ++code) {
            const auto answer = core::answerFor(dossierWithStatus(code), *table,
                                                core::AnswerContext{lang, test::fixtureNow(), core::TimeZone{}, ""});
            const std::string text = core::spokenStatus(answer, *table);
            ASSERT_FALSE(text.empty());
            auto pcm = (*synth)->synthesize(text, lang, cancel);
            ASSERT_TRUE(pcm) << pcm.error().message;
            const auto file = dir / ("status-" + std::to_string(code) + "-" + std::string(core::toString(lang)) + ".wav");
            writeWav(file, *pcm);
            const SoxStat stat = soxStat(file);
            const int words = wordCount(text);
            std::printf("[ figures  ] status %d %s: %d words, %.1f s, RMS %.3f, peak %.3f\n", code,
                        std::string(core::toString(lang)).c_str(), words, stat.seconds, stat.rms, stat.maximum);
            EXPECT_NEAR(stat.seconds, pcm->seconds(), 0.05) << file;   // sox reads what was written
            EXPECT_GT(stat.rms, 0.01) << file << ": silent";
            EXPECT_GT(stat.maximum, 0.1) << file << ": silent";
            EXPECT_LT(stat.maximum, 0.99) << file << ": clipped";
            // espeak-ng at 150 words a minute: 0.4 s a word; allow 0.15..1.2 s a word.
            EXPECT_GT(stat.seconds, 0.15 * words) << file << ": too short for " << words << " words";
            EXPECT_LT(stat.seconds, 1.2 * words) << file << ": too long for " << words << " words";
        }
    }
    std::filesystem::remove_all(dir);
}

TEST(SpokenStatusTest, CancelStopsASynthesis) {
    auto synth = platform::makeSpeechSynthesizer({});
    ASSERT_TRUE(synth) << synth.error().message;
    std::atomic<bool> cancel{true};
    EXPECT_FALSE((*synth)->synthesize("Hồ sơ đang được xử lý.", core::Language::Vi, cancel));
    cancel = false;
    EXPECT_FALSE((*synth)->synthesize("", core::Language::Vi, cancel));
}
