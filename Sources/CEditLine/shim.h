// Fixed-signature wrappers over libedit's C-variadic calls (el_set, el_wset, el_get,
// history_w), which Swift refuses to import. Only the operations the REPL uses are here.
// SwiftPM does not notice edits to this header alone: touch a Swift file of Terminal too.
#ifndef OCOP_CEDITLINE_SHIM_H
#define OCOP_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

typedef unsigned char (*ocop_el_func)(EditLine *, int);
typedef wchar_t *(*ocop_el_wprompt)(EditLine *);

/* el_init on the standard streams (Swift 6 refuses to touch the global FILE pointers). */
static inline EditLine *ocop_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}
static inline void ocop_flush_stdout(void) { fflush(stdout); }

static inline int ocop_el_set_prompt(EditLine *el, ocop_el_wprompt f) {
    return el_wset(el, EL_PROMPT, f);
}
static inline int ocop_el_set_editor(EditLine *el, const wchar_t *name) {
    return el_wset(el, EL_EDITOR, name);
}
static inline int ocop_el_set_signal(EditLine *el, int on) {
    return el_wset(el, EL_SIGNAL, on);
}
static inline int ocop_el_set_hist(EditLine *el, HistoryW *h) {
    return el_wset(el, EL_HIST, history_w, h);
}
static inline int ocop_el_addfn(EditLine *el, const wchar_t *name, const wchar_t *help,
                                ocop_el_func f) {
    return el_wset(el, EL_ADDFN, name, help, f);
}
static inline int ocop_el_bind(EditLine *el, const wchar_t *key, const wchar_t *fn) {
    return el_wset(el, EL_BIND, key, fn, NULL);
}
static inline int ocop_el_settty(EditLine *el, const wchar_t *a, const wchar_t *b,
                                 const wchar_t *c) {
    return el_wset(el, EL_SETTY, a, b, c, NULL);
}
static inline int ocop_el_set_clientdata(EditLine *el, void *data) {
    return el_wset(el, EL_CLIENTDATA, data);
}
static inline void *ocop_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_wget(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int ocop_el_set_getc(EditLine *el, int (*f)(EditLine *, wchar_t *)) {
    return el_wset(el, EL_GETCFN, f);
}
/* Forget what libedit believes is on the screen and draw prompt and line again from the
   cursor's row, which the caller has moved to where the prompt starts. */
static inline int ocop_el_refresh(EditLine *el) {
    return el_wset(el, EL_REFRESH);
}
static inline int ocop_el_source(EditLine *el) {
    return el_source(el, NULL);
}

/* MB_CUR_MAX is a function-like macro: 1 means the C locale, where libedit drops every
   non-ASCII character. */
static inline size_t ocop_mb_cur_max(void) { return MB_CUR_MAX; }

/* Columns of the terminal on `fd`, or 0 when unknown (ioctl is C-variadic too). */
static inline int ocop_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_col;
}

/* Turns the kernel's ^C echo on or off for the terminal on `fd` (off while a statement runs,
   so "cancelled" is not printed after a stray "^C"). Returns the previous setting, -1 if
   `fd` is not a terminal. */
static inline int ocop_tty_echoctl(int fd, int on) {
    struct termios t;
    if (tcgetattr(fd, &t) != 0) return -1;
    int was = (t.c_lflag & ECHOCTL) != 0;
    if (on) t.c_lflag |= ECHOCTL; else t.c_lflag &= ~ECHOCTL;
    if (was != on) tcsetattr(fd, TCSANOW, &t);
    return was;
}

static inline int ocop_history_init(HistoryW *h, HistEventW *ev, int size) {
    return history_w(h, ev, H_SETSIZE, size);
}
static inline int ocop_history_setunique(HistoryW *h, HistEventW *ev, int on) {
    return history_w(h, ev, H_SETUNIQUE, on);
}
static inline int ocop_history_enter(HistoryW *h, HistEventW *ev, const wchar_t *line) {
    return history_w(h, ev, H_ENTER, line);
}
static inline int ocop_history_first(HistoryW *h, HistEventW *ev) {
    return history_w(h, ev, H_FIRST);
}
static inline int ocop_history_last(HistoryW *h, HistEventW *ev) {
    return history_w(h, ev, H_LAST);
}
static inline int ocop_history_next(HistoryW *h, HistEventW *ev) {
    return history_w(h, ev, H_NEXT);
}
static inline int ocop_history_prev(HistoryW *h, HistEventW *ev) {
    return history_w(h, ev, H_PREV);
}
static inline int ocop_history_clear(HistoryW *h, HistEventW *ev) {
    return history_w(h, ev, H_CLEAR);
}

#endif
