#ifndef LAUREL_DEMO_H
#define LAUREL_DEMO_H
#endif
