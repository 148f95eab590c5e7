// The outbox on real SQLite files in a temporary folder: durability, order, the bound, heartbeat
// replacement, and what happens to a database that cannot be used (corrupt, locked, newer, no folder).
#include "kiosk/app/services/outbox.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using kiosk::app::MessageKind;
using kiosk::app::Outbox;

namespace fs = std::filesystem;

namespace {

class OutboxTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("outbox-test-" + std::to_string(getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    [[nodiscard]] fs::path file() const { return m_dir / "outbox.db"; }
    [[nodiscard]] std::vector<fs::path> brokenFiles() const {
        std::vector<fs::path> out;
        for (const auto& e : fs::directory_iterator(m_dir)) {
            if (e.path().filename().string().starts_with("outbox.db.broken-") &&
                !e.path().string().ends_with("-wal") && !e.path().string().ends_with("-shm")) {
                out.push_back(e.path());
            }
        }
        return out;
    }

    fs::path m_dir;
};

}  // namespace

TEST_F(OutboxTest, AQueuedMessageIsOnDiskWhenEnqueueReturns) {
    Outbox writer(file(), 100);
    ASSERT_TRUE(writer.enqueue(MessageKind::Rating, "k-1", R"({"level":"satisfied"})").has_value());
    // Another connection (another process, after a crash) sees it at once: it was committed.
    auto reader = Outbox::openForTool(file());
    ASSERT_TRUE(reader.has_value()) << reader.error().message;
    const auto m = (*reader)->oldest();
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->kind, MessageKind::Rating);
    EXPECT_EQ(m->idempotencyKey, "k-1");
    EXPECT_EQ(m->body, R"({"level":"satisfied"})");
    EXPECT_TRUE(writer.opening().durable);
}

TEST_F(OutboxTest, OldestFirstAndRemovedOnlyWhenAsked) {
    Outbox outbox(file(), 100);
    for (int i = 1; i <= 3; ++i) ASSERT_TRUE(outbox.enqueue(MessageKind::Rating, "k-" + std::to_string(i), "{}"));
    auto first = outbox.oldest();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->idempotencyKey, "k-1");
    EXPECT_EQ(outbox.oldest()->idempotencyKey, "k-1");  // taking is not removing
    outbox.noteAttempt(first->id);
    EXPECT_EQ(outbox.oldest()->attempts, 1);
    outbox.remove(first->id);
    EXPECT_EQ(outbox.oldest()->idempotencyKey, "k-2");
    EXPECT_EQ(outbox.depth(), 2u);
}

TEST_F(OutboxTest, TheSameKeyIsQueuedOnce) {
    Outbox outbox(file(), 100);
    ASSERT_TRUE(outbox.enqueue(MessageKind::Rating, "same", "{}"));
    ASSERT_TRUE(outbox.enqueue(MessageKind::Rating, "same", "{}"));
    EXPECT_EQ(outbox.depth(), 1u);
}

TEST_F(OutboxTest, AHeartbeatReplacesTheOneWaitingAndLeavesRatingsAlone) {
    Outbox outbox(file(), 100);
    ASSERT_TRUE(outbox.enqueue(MessageKind::Heartbeat, "hb-1", R"({"n":1})"));
    ASSERT_TRUE(outbox.enqueue(MessageKind::Rating, "r-1", "{}"));
    ASSERT_TRUE(outbox.enqueue(MessageKind::Heartbeat, "hb-2", R"({"n":2})"));
    const auto s = outbox.summary();
    EXPECT_EQ(s.heartbeats, 1u);
    EXPECT_EQ(s.ratings, 1u);
    EXPECT_EQ(outbox.oldest()->idempotencyKey, "r-1");
    outbox.remove(outbox.oldest()->id);
    EXPECT_EQ(outbox.oldest()->body, R"({"n":2})");
}

TEST_F(OutboxTest, WhenFullTheOldestMessagesAreDropped) {
    Outbox outbox(file(), 10);
    for (int i = 1; i <= 10; ++i) {
        auto dropped = outbox.enqueue(MessageKind::Rating, "k-" + std::to_string(i), "{}");
        ASSERT_TRUE(dropped);
        EXPECT_EQ(*dropped, 0u);
    }
    auto dropped = outbox.enqueue(MessageKind::Rating, "k-11", "{}");
    ASSERT_TRUE(dropped);
    EXPECT_EQ(*dropped, 1u);
    EXPECT_EQ(outbox.depth(), 10u);
    EXPECT_EQ(outbox.oldest()->idempotencyKey, "k-2");  // k-1 went, the new one stayed
}

TEST_F(OutboxTest, MessagesSurviveAReopen) {
    {
        Outbox outbox(file(), 100);
        ASSERT_TRUE(outbox.enqueue(MessageKind::Rating, "kept", "{}"));
    }
    Outbox again(file(), 100);
    ASSERT_TRUE(again.oldest());
    EXPECT_EQ(again.oldest()->idempotencyKey, "kept");
}

TEST_F(OutboxTest, ACorruptDatabaseIsMovedAsideAndANewOneWorks) {
    {
        std::ofstream garbage(file(), std::ios::binary);
        garbage << std::string(8192, 'x');
    }
    Outbox outbox(file(), 100);
    EXPECT_TRUE(outbox.opening().durable);
    ASSERT_FALSE(outbox.opening().movedAside.empty());
    EXPECT_TRUE(fs::exists(outbox.opening().movedAside));
    EXPECT_EQ(brokenFiles().size(), 1u);
    ASSERT_TRUE(outbox.enqueue(MessageKind::Rating, "after", "{}"));
    EXPECT_EQ(outbox.depth(), 1u);
}

TEST_F(OutboxTest, ADatabaseLockedByAnotherProcessIsMovedAside) {
    {
        Outbox first(file(), 100);
        ASSERT_TRUE(first.enqueue(MessageKind::Rating, "old", "{}"));
    }
    // Another connection holds the write lock (as a stuck process would) for longer than the busy timeout.
    sqlite3* holder = nullptr;
    ASSERT_EQ(sqlite3_open(file().c_str(), &holder), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
    Outbox outbox(file(), 100);
    EXPECT_FALSE(outbox.opening().movedAside.empty());
    ASSERT_TRUE(outbox.enqueue(MessageKind::Rating, "new", "{}"));
    EXPECT_EQ(outbox.oldest()->idempotencyKey, "new");
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
}

TEST_F(OutboxTest, ADatabaseOfANewerKioskIsMovedAside) {
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(file().c_str(), &db), SQLITE_OK);
        sqlite3_exec(db, "PRAGMA user_version = 99; CREATE TABLE t(x);", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    Outbox outbox(file(), 100);
    EXPECT_FALSE(outbox.opening().movedAside.empty());
    EXPECT_TRUE(outbox.enqueue(MessageKind::Rating, "k", "{}").has_value());
}

TEST_F(OutboxTest, AFolderThatCannotBeMadeFallsBackToMemory) {
    std::ofstream(m_dir / "not-a-folder") << "x";
    Outbox outbox(m_dir / "not-a-folder" / "outbox.db", 100);
    EXPECT_FALSE(outbox.opening().durable);
    ASSERT_TRUE(outbox.enqueue(MessageKind::Rating, "k", "{}").has_value());
    EXPECT_EQ(outbox.depth(), 1u);
}

TEST_F(OutboxTest, StartsAndUncleanExitsAreCounted) {
    { Outbox first(file(), 100); }  // ends without markCleanStop(): a crash, as the next start sees it
    {
        Outbox second(file(), 100);
        EXPECT_EQ(second.opening().starts, 2u);
        EXPECT_TRUE(second.opening().previousRunUnclean);
        EXPECT_EQ(second.opening().uncleanExits, 1u);
        second.markCleanStop();
    }
    Outbox third(file(), 100);
    EXPECT_EQ(third.opening().starts, 3u);
    EXPECT_FALSE(third.opening().previousRunUnclean);
    EXPECT_EQ(third.opening().uncleanExits, 1u);
}

TEST_F(OutboxTest, TheToolRefusesAMissingOrBrokenDatabaseInsteadOfRepairingIt) {
    auto missing = Outbox::openForTool(file());
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().kind, kiosk::core::ErrorKind::NotFound);
    std::ofstream(file(), std::ios::binary) << std::string(8192, 'x');
    auto broken = Outbox::openForTool(file());
    ASSERT_FALSE(broken.has_value());
    EXPECT_TRUE(brokenFiles().empty());  // left for the kiosk to move aside
}
