"""Schools and settings: the SENCO's pupils with plans and the annual reviews the school
runs (SEND Regulations 2014, Reg 20; CFA s44). docs/schools.md."""
