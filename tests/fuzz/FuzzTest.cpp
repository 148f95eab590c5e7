// Mutation fuzzing of every parser that reads outside input: scanned text, backend replies, the
// guidance catalog, configuration files and printer byte streams. Each input starts from a real
// sample (tests/fuzz/corpus, tests/data) and is damaged by a deterministic mutator, so a failure
// reproduces from its seed and iteration (printed in the failure message).
//
// Properties: nothing throws or crashes, the answer is one of the documented outcomes, and a citizen
// ID never comes out of receipt reading. Iterations per target: KIOSK_FUZZ_ITERATIONS (default 4000).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/api/dossier_mapping.hpp"
#include "kiosk/core/config/config_loader.hpp"
#include "kiosk/core/escpos/escpos_parser.hpp"
#include "kiosk/core/guidance/guidance_catalog.hpp"
#include "kiosk/core/receipt/receipt.hpp"
#include "kiosk/core/text/utf8.hpp"

using namespace kiosk::core;

namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int iterations() {
    if (const char* env = std::getenv("KIOSK_FUZZ_ITERATIONS")) {
        return std::max(1, std::atoi(env));
    }
    return 4000;
}

// Tokens that make a parser take its less travelled paths.
const std::vector<std::string> kDictionary = {
    "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "-1", "1e999", "0.5", "\\u0000", "\\ud800",
    "\"status\":", "\"code\":", "\"history\":[", "\"due_at\":\"", "2026-13-45T99:99:99+25:00", "=", "[[", "]]",
    "\n", "\r\n", "#", "'''", "\"\"\"", "https://", "?MHS=", "&SGT=", "%", "%00", "%E1%BB", "\xC3", "\xE1\xBB",
    "\xF0\x9F\x98", "\xFF", "\x1D\x76\x30\x00", "\x1D\x28\x6B", "\x1B\x40", "\x10\x04\x01", "\x1D\x56\x42\x00",
};

// One to four random edits: flip a bit, insert or overwrite bytes, delete a span, duplicate a span,
// splice a dictionary token, or truncate.
class Mutator {
public:
    explicit Mutator(std::uint32_t seed) : m_rng(seed) {}

    std::string mutate(std::string s) {
        const int edits = 1 + static_cast<int>(m_rng() % 4);
        for (int i = 0; i < edits; ++i) {
            const std::size_t pos = s.empty() ? 0 : m_rng() % (s.size() + 1);
            switch (m_rng() % 7) {
            case 0:
                if (!s.empty()) s[pos % s.size()] = static_cast<char>(s[pos % s.size()] ^ (1 << (m_rng() % 8)));
                break;
            case 1: s.insert(pos, 1, static_cast<char>(m_rng() % 256)); break;
            case 2:
                if (!s.empty()) s.erase(pos % s.size(), 1 + m_rng() % 16);
                break;
            case 3: {
                if (s.empty()) break;
                const std::size_t from = m_rng() % s.size();
                const std::string span = s.substr(from, 1 + m_rng() % 64);
                s.insert(pos, span);
                break;
            }
            case 4: s.insert(pos, kDictionary[m_rng() % kDictionary.size()]); break;
            case 5: s.resize(pos); break;
            default:
                if (!s.empty()) s[pos % s.size()] = kDictionary[m_rng() % kDictionary.size()][0];
                break;
            }
        }
        return s;
    }

private:
    std::mt19937 m_rng;
};

std::vector<std::string> corpus(const std::vector<fs::path>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) {
        out.push_back(readFile(f));
        EXPECT_FALSE(out.back().empty()) << "missing corpus file " << f;
    }
    return out;
}

const fs::path kCorpus = fs::path(KIOSK_FUZZ_CORPUS_DIR);
const fs::path kData = fs::path(KIOSK_TEST_DATA_DIR);

// Runs `check` on every seed and on `iterations()` mutants of the seeds.
template <typename Check>
void fuzz(const std::vector<std::string>& seeds, std::uint32_t seed, Check check) {
    for (const auto& s : seeds) check(s);
    Mutator mutator(seed);
    std::mt19937 pick(seed);
    for (int i = 0; i < iterations(); ++i) {
        const std::string input = mutator.mutate(seeds[pick() % seeds.size()]);
        SCOPED_TRACE("seed " + std::to_string(seed) + " iteration " + std::to_string(i));
        check(input);
        if (::testing::Test::HasFatalFailure()) return;
    }
}

}  // namespace

TEST(FuzzTest, ReceiptReadingNeverReturnsACitizenId) {
    const std::vector<std::string> seeds = {
        "000.00.06.H56-231027-0361",
        "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?MHS=000.00.06.H56-231027-0361&SGT=079123456789",
        "https://dichvucong.gov.vn/apiqr/qr?id=6f1c2a7e-4b3d&CCCD=001099012345",
        "ｈｔｔｐｓ://dichvucong.gov.vn/?MHS=０００.００.０６.H56-231027-0361",
        "javascript:alert(1)//?MHS=000.00.06.H56-231027-0361",
    };
    const ReceiptRules rules;
    fuzz(seeds, 1, [&](const std::string& input) {
        const ReceiptReading r = readReceipt(input, rules);
        std::string out;
        if (const auto* code = std::get_if<DossierCode>(&r)) out = code->value;
        if (const auto* token = std::get_if<ReceiptToken>(&r)) out = token->value;
        // A citizen ID that (still) sits in its own parameter must not come out. A mutant may glue
        // the digits onto the token itself; then they are the token, not an ID, and may come out.
        for (const char* param : {"SGT=079123456789", "CCCD=001099012345"}) {
            const std::string_view id = std::string_view(param).substr(std::string_view(param).find('=') + 1);
            const auto at = input.find(param);
            const bool onlyInItsParameter = at != std::string::npos && input.find(id) == at + (std::strlen(param) - id.size()) &&
                                            input.find(id, at + std::strlen(param)) == std::string::npos;
            if (onlyInItsParameter) {
                ASSERT_EQ(out.find(id), std::string::npos) << "citizen ID leaked from: " << input;
            }
        }
        if (!out.empty()) {
            ASSERT_TRUE(text::isValidUtf8(out));
        }
        if (const auto* code = std::get_if<DossierCode>(&r)) {
            ASSERT_LE(code->value.size(), kMaxInputBytes);
        }
    });
}

TEST(FuzzTest, DossierRepliesMapToADossierOrBadResponse) {
    const auto seeds = corpus({kCorpus / "dossier-missing-documents.json", kCorpus / "dossier-fees.json",
                               kCorpus / "dossier-returned.json"});
    fuzz(seeds, 2, [](const std::string& body) {
        const auto d = mapDossier(body);
        if (d) {
            ASSERT_FALSE(d->code.empty());
            ASSERT_TRUE(text::isValidUtf8(d->procedureName));
            ASSERT_TRUE(text::isValidUtf8(d->applicantMasked));
            for (const auto& step : d->history) ASSERT_TRUE(text::isValidUtf8(step.action));
        } else {
            ASSERT_EQ(d.error().kind, LookupErrorKind::BadResponse) << d.error().diagnostic;
        }
    });
}

TEST(FuzzTest, TokenRepliesMapToACodeOrBadResponse) {
    const auto seeds = corpus({kCorpus / "receipt-token.json"});
    fuzz(seeds, 3, [](const std::string& body) {
        const auto code = mapReceiptToken(body);
        if (!code) {
            ASSERT_EQ(code.error().kind, LookupErrorKind::BadResponse);
        }
    });
}

TEST(FuzzTest, CatalogDocumentsLoadOrExplainWhy) {
    const fs::path guidance = fs::path(KIOSK_SOURCE_ASSETS_DIR) / "guidance";
    // The backend's single-document form: the catalog with its entries inline.
    std::string inlineCatalog = readFile(guidance / "catalog.json");
    const auto first = inlineCatalog.find("\"entries/");
    ASSERT_NE(first, std::string::npos);
    const auto end = inlineCatalog.find('"', first + 1);
    const std::string entryFile = inlineCatalog.substr(first + 1, end - first - 1);
    const std::string entry = readFile(guidance / entryFile);
    const std::vector<std::string> seeds = {inlineCatalog.replace(first, end - first + 1, entry), entry};
    fuzz(seeds, 4, [](const std::string& text) {
        const auto loaded = guidance::parseCatalog(text, "fuzz.json");
        if (loaded) {
            for (const auto& issue : loaded->issues) ASSERT_FALSE(issue.message.empty());
        } else {
            ASSERT_FALSE(loaded.error().message.empty());
        }
    });
}

TEST(FuzzTest, ConfigFilesApplyOrReportIssuesWithLines) {
    const auto seeds = corpus({fs::path(KIOSK_CONFIG_DIR) / "kiosk.example.toml", fs::path(KIOSK_CONFIG_DIR) / "demo.toml",
                               kData / "config" / "broken.toml"});
    fuzz(seeds, 5, [](const std::string& text) {
        LoadedSettings loaded = defaultSettings();
        const auto issues = applyConfigText(loaded, text, "fuzz.toml", ConfigLayer::Fleet);
        for (const auto& issue : issues) {
            ASSERT_FALSE(formatIssue(issue).empty());
        }
    });
}

TEST(FuzzTest, PrinterStreamsParseOrFailCleanly) {
    const auto seeds = corpus({kData / "slips" / "encoder-checker.bin"});
    fuzz(seeds, 6, [](const std::string& bytes) {
        const auto job = escpos::parseEscPos(
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
        if (!job) {
            ASSERT_FALSE(job.error().message.empty());
        }
    });
}
