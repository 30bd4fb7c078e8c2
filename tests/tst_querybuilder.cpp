#include <QtTest>
class tst_querybuilder : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(tst_querybuilder)
#include "tst_querybuilder.moc"
