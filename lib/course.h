#ifndef LAUREL_COURSE_H
#define LAUREL_COURSE_H
#endif
