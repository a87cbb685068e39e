#pragma once
// The fault path and page-table copying and zapping of mm/memory.c (and exit_mmap() of
// mm/mmap.c) for anonymous memory and the page cache: a process's PTEs are the slots of its
// anonymous AddressSpace, a file's page cache the slots of the file's.
#include "mm/kernel.h"
#include "mm/page_alloc.h"

#include <cstdint>
#include <utility>

namespace rs {

class SwapSubsystem;

// A fault on a missing page, between the allocation and the mapping: the caller charges the
// allocation (stall, direct reclaim, failure) in between.
struct Fault {
    frame_t frame = kNoFrame;
    AllocResult alloc;
    bool got_page = false; // else the allocation must be retried
    bool swapin = false;   // do_swap_page() through the swap cache
    bool major = false;    // read from the swap device (pgmajfault)
    bool shared = false;   // swapin: a process sharing the entry (fork) mapped it before
};

// The page for a fault on slot `index` of `space` (its content `slot`): do_swap_page()'s swap
// cache, readahead and read for a swap entry of anonymous memory, else a new
// page from __alloc_pages(GFP_HIGHUSER_MOVABLE) on node nid. A read's time goes to wait_ns.
Fault fault_alloc(Kernel& k, std::uint32_t space, std::uint32_t index, std::uint32_t slot,
                  int nid, AllocContext& ac, std::int64_t& wait_ns);
// finish_fault(): maps the fault's page into `slot` and puts a new page on the LRU.
// Anonymous: do_anonymous_page(), or the tail of do_swap_page(); a file: filemap_read() /
// generic_perform_write() (overwrite: a whole-page write, nothing read) with the refault of
// a shadow entry. Counts pgfault and pgmajfault.
void finish_fault(Kernel& k, Process& p, Fault& fault, std::uint32_t space, std::uint32_t index, std::uint32_t& slot,
                  bool overwrite, std::int64_t& wait_ns);

// A swapped-out page of (space, index) is resident again in frame f (do_swap_page(),
// unuse_pte()): the PTE, MM_SWAPENTS and NR_ANON_MAPPED, mlock. already_mapped: another
// process of the family maps f too.
void map_swapped_page(Kernel& k, std::uint32_t space, std::uint32_t index, frame_t f, bool already_mapped);

// copy_page_range() at fork(): the child's PTEs share the parent's present pages and
// duplicate its swap entries (swap_duplicate(), MM_SWAPENTS of the child). Returns {pages
// shared, swap entries duplicated}.
std::pair<std::uint64_t, std::uint64_t> copy_page_range(Kernel& k, Process& child, const Process& parent);

// zap_pte_range() over pages [begin, end) of the process's anonymous memory (munmap): frames
// only this process maps are freed, shared ones stay with the other processes, swap entries
// are released.
void zap_pte_range(Kernel& k, Process& p, std::uint64_t begin, std::uint64_t end);
// exit_mmap(): frees a process's anonymous memory and swap entries; total_vm drops to 0.
void exit_mmap(Kernel& k, Process& p);

// vm_stat_account() of an anonymous mmap() of `pages` (mm->total_vm grows, hiwater_vm follows
// it) and of a munmap() (total_vm shrinks). The pages themselves come later, one fault each.
void vm_stat_account_mmap(Process& p, std::uint64_t pages);
void vm_stat_account_munmap(Process& p, std::uint64_t pages);

} // namespace rs
