#include "procfs/pid_status.h"

#include "mm/oom_kill.h"

#include <cstdio>

namespace rs {

const Process* find_proc_by_pid_or_comm(const Kernel& k, const std::string& arg) {
    if (!arg.empty() && arg.find_first_not_of("0123456789") == std::string::npos && arg.size() < 10)
        return k.find_task(std::stoi(arg));
    const Process* best = nullptr;
    for (const Process& p : k.procs)
        if (p.comm == task_comm(arg) && (!best || p.pid < best->pid)) best = &p;
    return best;
}

std::string format_pid_status(const Kernel& k, const Process& p) {
    std::string out;
    char buf[128];
    auto put = [&](const char* fmt, auto... v) {
        std::snprintf(buf, sizeof buf, fmt, v...);
        out += buf;
    };
    // task_name(), then task_state()'s ids: a simulated process is single-threaded (tgid = pid).
    put("Name:\t%s\n", p.comm.c_str());
    put("Tgid:\t%d\n", p.pid);
    put("Pid:\t%d\n", p.pid);
    put("PPid:\t%d\n", p.ppid);
    put("Uid:\t%u\t%u\t%u\t%u\n", p.uid, p.uid, p.uid, p.uid);
    put("Gid:\t%u\t%u\t%u\t%u\n", p.uid, p.uid, p.uid, p.uid);
    if (!p.alive) return out; // exited or killed: no mm, no task_mem()
    // task_mem(): SEQ_PUT_DEC() is seq_put_decimal_ull_width(m, str, pages << (PAGE_SHIFT - 10), 8).
    auto kb = [&](const char* name, std::uint64_t pages) {
        put("%s:\t%8llu kB\n", name, static_cast<unsigned long long>(pages) * 4);
    };
    const std::uint64_t anon = mm_rss(k, p);
    kb("VmPeak", std::max(p.hiwater_vm, p.total_vm));
    kb("VmSize", p.total_vm);
    kb("VmLck", p.locked_pages);
    kb("VmRSS", anon); // anon + file + shmem
    kb("RssAnon", anon);
    kb("RssFile", 0); // the simulated processes map no file pages (program text is not charged)
    kb("RssShmem", 0);
    put("VmPTE:\t%8llu kB\n", static_cast<unsigned long long>(mm_pgtables_bytes(k, p) >> 10));
    kb("VmSwap", p.swapents);
    return out;
}

std::string format_dmesg(const Kernel& k) {
    std::string out;
    char ts[48];
    for (const auto& line : k.printk_log) {
        const auto t = line.t_ns < 0 ? 0 : line.t_ns;
        std::snprintf(ts, sizeof ts, "[%5llu.%06llu] ", static_cast<unsigned long long>(t / 1'000'000'000),
                      static_cast<unsigned long long>((t % 1'000'000'000) / 1000));
        out += ts;
        out += line.text;
        out += '\n';
    }
    return out;
}

} // namespace rs
