#ifndef LAUREL_GROUP_H
#define LAUREL_GROUP_H
#endif
