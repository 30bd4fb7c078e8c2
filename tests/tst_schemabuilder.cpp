#include <QtTest>
class tst_schemabuilder : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(tst_schemabuilder)
#include "tst_schemabuilder.moc"
