#include <QtTest>
class tst_sqldatasource : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(tst_sqldatasource)
#include "tst_sqldatasource.moc"
