import random, os, sys
random.seed(int(sys.argv[2])); out = sys.argv[1]; os.makedirs(out, exist_ok=True)
R = random.choice
def word(): return ''.join(R(['a','B','_','1','-','+','.','$','{','}','/','~',':','=','?','[',']','@',' ','"',"'",'x','after','before','é','\t']) for _ in range(random.randint(0,6)))
def stmt():
    k = random.randint(0, 9)
    if k <= 3:
        return R(['', 'export ', 'export  ', 'export']) + R(['FOO','A+','A.','A:','${PN}-x','FOO:append:arm','x~/']) + word()*random.randint(0,1) + R(['','[f]','[f@x]','[]','[@]']) + R(['',' ','  ']) + R(['=',':=','?=','??=','+=','=+','.=','=.','==','=+=']) + R(['',' ']) + R(['"',"'",'']) + word() + R(['"',"'",'']) + R(['','"',"'",' '])
    if k == 4:
        return 'addtask' + R([' ','  ','']) + R(['foo','do_x','a1','${X}','']) + ' '.join(R(['before','after','x','do_after_y','beforeafter','afterz','']) + word()*random.randint(0,1) for _ in range(random.randint(0,5)))
    if k == 5:
        return R(['python ','fakeroot ','python fakeroot ','fakeroot python ','','python','pythonx ']) + R(['','foo','do_x:append','${PN}-x','__anonymous','python','fakeroot']) + R(['',' ']) + R(['()','( )','(',')(']) + R(['',' ']) + R(['{','{ }','']) 
    if k == 6:
        return R(['def','def ','def  ']) + R(['f','f1','','é']) + word() + R([':','',':x'])
    if k == 7:
        return R(['unset','export','include','require','inherit','inherit_defer','deltask','addhandler','EXPORT_FUNCTIONS','addpylib']) + R([' ','  ','','\t']) + word() + R(['',' ',' x',' x y','[ab]','[a]'])
    if k == 8:
        return word() + word()
    return R(['#x','','  ','\\'])
for n in range(int(sys.argv[3])):
    lines = [stmt()]
    k = random.random()
    if k < 0.3: lines.append(R(['    body', '\tbody', '#c', '', '}', 'FOO = "1"']))
    if k < 0.15: lines.append(R(['}', '', '    x']))
    with open(os.path.join(out, 'g%05d%s' % (n, R(['.bb','.conf']))), 'w', newline='') as f:
        f.write('\n'.join(lines) + R(['', '\n']))
