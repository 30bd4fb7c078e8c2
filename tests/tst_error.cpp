#include <QtTest>
class tst_error : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(tst_error)
#include "tst_error.moc"
