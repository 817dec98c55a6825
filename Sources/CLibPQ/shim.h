#ifndef MOTCUA_CLIBPQ_SHIM_H
#define MOTCUA_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#ifdef __linux__
// The connections' sockets are watched with epoll (PostgresEventLoop).
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
#endif
