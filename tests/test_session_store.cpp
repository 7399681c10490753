// No lost work (issue 11): atomic writes, the autosaved session and the offer
// to restore it. The kill-mid-save tests fork a child that is killed (it
// _exits) between writing the temporary file and renaming it: the previous
// file must still be there, whole and loadable.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "frontend/session_autosave.hpp"
#include "sim/cli/machine.hpp"
#include "sim/fs/atomic_write.hpp"
#include "sim/scenario/lesson_session.hpp"
#include "sim/scenario/session_store.hpp"
#include "sim/scenario/state_json.hpp"

using namespace layerlab;
namespace fsys = std::filesystem;

namespace {

// A fresh folder per test, removed at the end.
struct TempDir {
    fsys::path path;
    TempDir() {
        path = fsys::temp_directory_path() / ("layerlab-session-test-" + std::to_string(::getpid()));
        fsys::remove_all(path);
        fsys::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fsys::remove_all(path, ec);
    }
};

std::string readAll(const fsys::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs `save` in a child process whose beforeRename hook kills it (exit code
// 7, as abruptly as a crash: no destructors, no flush). Returns the child's
// exit status.
template <typename Save>
int killedMidSave(Save save) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        save([] { ::_exit(7); });
        ::_exit(3);   // the hook never ran: the save failed before the rename
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}   // namespace

TEST_CASE("atomic write: replaces the whole file, and a kill before the rename keeps the old one") {
    TempDir dir;
    const std::string path = (dir.path / "sub" / "file.json").string();
    CHECK(fs::writeFileAtomically(path, "version 1\n") == "");   // creates the missing folder
    CHECK(readAll(path) == "version 1\n");
    CHECK(fs::writeFileAtomically(path, "version 2\n") == "");
    CHECK(readAll(path) == "version 2\n");

    const std::string big(1 << 20, 'x');
    CHECK(killedMidSave([&](auto hook) { fs::writeFileAtomically(path, big, hook); }) == 7);
    CHECK(readAll(path) == "version 2\n");

    // Nothing left behind by a successful write.
    size_t files = 0;
    for (const auto& e : fsys::directory_iterator(dir.path / "sub"))
        if (e.path().filename().string().rfind("file.json.tmp", 0) != 0) ++files;
    CHECK(files == 1);
}

TEST_CASE("atomic write: a failure says why in strerror's words and changes nothing") {
    TempDir dir;
    const std::string blocker = (dir.path / "plain").string();
    REQUIRE(fs::writeFileAtomically(blocker, "a file, not a folder") == "");
    CHECK(fs::writeFileAtomically(blocker + "/x.json", "{}") == "cannot write " + blocker + "/x.json: Not a directory");
    CHECK(readAll(blocker) == "a file, not a folder");
}

TEST_CASE("session store: a kill mid-save leaves the previous session whole and loadable") {
    TempDir dir;
    const scenario::SessionStore store((dir.path / "session-shell.json").string());
    cli::Machine m;
    m.execute("echo first > notes.txt");
    m.execute("docker pull alpine");
    REQUIRE(store.save(m.state(), m.commandLog()) == "");
    const std::string before = scenario::stateToText(m.state());

    m.execute("echo second >> notes.txt");
    m.execute("docker run --name gone alpine true");
    CHECK(killedMidSave([&](auto hook) { store.save(m.state(), m.commandLog(), hook); }) == 7);

    std::string error;
    auto loaded = store.load(error);
    CHECK(error == "");
    REQUIRE(loaded);
    CHECK(scenario::stateToText(loaded->state) == before);
    CHECK(loaded->commands == std::vector<std::string>{"echo first > notes.txt", "docker pull alpine"});

    // The next save goes through; a clean end removes the file.
    CHECK(store.save(m.state(), m.commandLog()) == "");
    REQUIRE(store.load(error));
    CHECK(store.load(error)->commands.size() == 4);
    store.clear();
    CHECK(!store.load(error));
    CHECK(error == "");
}

TEST_CASE("progress store: a kill mid-save keeps the last progress") {
    TempDir dir;
    scenario::ProgressStore store((dir.path / "progress.json").string());
    std::string error;
    store.lesson("01-images").hintsShown = 2;
    REQUIRE(store.save(error));
    const std::string before = readAll(store.path());
    store.lesson("01-images").hintsShown = 3;
    store.lesson("02-official").completed = true;
    // ProgressStore::save has no hook; kill the same write through atomic_write.
    CHECK(killedMidSave([&](auto hook) { fs::writeFileAtomically(store.path(), std::string(4096, '{'), hook); }) == 7);
    CHECK(readAll(store.path()) == before);
    scenario::ProgressStore again(store.path());
    REQUIRE(again.load(error));
    CHECK(again.lesson("01-images").hintsShown == 2);
}

TEST_CASE("session autosave: the offer to restore after an unclean exit") {
    TempDir dir;
    const scenario::SessionStore store((dir.path / "session-shell.json").string());
    cli::Machine crashed;
    crashed.execute("echo kept > kept.txt");
    REQUIRE(store.save(crashed.state(), crashed.commandLog()) == "");

    SUBCASE("yes (Enter) restores the State") {
        cli::Machine m;
        std::istringstream in("\n");
        std::ostringstream out;
        CHECK(frontend::offerRestore(m, in, out, store));
        CHECK(out.str() == "The last session ended without `exit` (1 command). Restore it? [Y/n] Session restored.\n");
        REQUIRE(m.state().host.find("kept.txt"));
        CHECK(*m.state().host.find("kept.txt")->content == "kept\n");
    }
    SUBCASE("no starts afresh and forgets it") {
        cli::Machine m;
        std::istringstream in("n\n");
        std::ostringstream out;
        CHECK(!frontend::offerRestore(m, in, out, store));
        CHECK(out.str() ==
              "The last session ended without `exit` (1 command). Restore it? [Y/n] Starting a new session.\n");
        CHECK(!m.state().host.find("kept.txt"));
        std::string error;
        CHECK(!store.load(error));
    }
    SUBCASE("a broken file is reported, set aside, never restored") {
        std::ofstream(store.path(), std::ios::binary) << "{\"layerlabSession\": tru";
        cli::Machine m;
        std::istringstream in("y\n");
        std::ostringstream out;
        CHECK(!frontend::offerRestore(m, in, out, store));
        CHECK(out.str() ==
              "layerlab: " + store.path() + ": not a LayerLab session (invalid JSON); starting a new session.\n");
    }
    SUBCASE("withAutosave saves after every command") {
        std::remove(store.path().c_str());
        cli::Machine m;
        std::ostringstream err;
        int inner = 0;
        frontend::ReplHooks hooks;
        hooks.afterCommand = [&](const std::string&, const Outcome&) { ++inner; };
        hooks = frontend::withAutosave(hooks, m, store, err);
        const Outcome o = m.execute("touch a.txt");
        hooks.afterCommand("touch a.txt", o);
        CHECK(inner == 1);
        std::string error;
        auto saved = store.load(error);
        REQUIRE(saved);
        CHECK(saved->state.host.find("a.txt"));
        CHECK(err.str() == "");
    }
}
